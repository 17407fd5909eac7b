/**
 * The templates the store knows (built-in and imported), loaded once at start and again after
 * a template is imported or removed. Everything that needs a form's template looks it up here
 * by the record's templateId and templateVersion; nothing in the renderer knows a template id.
 */
import { Group, Loader, Text } from '@mantine/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TemplateEntry } from '../../../shared/contract';
import { TemplateRegistry } from '../../../shared/template/registry';
import type { TemplateDef } from '../../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../../shared/templates';
import { api } from '../api';
import { notifyError } from '../ui/notify';

export interface TemplatesValue {
  registry: TemplateRegistry;
  /** As templates.list returned them: built-in first, with how many forms use each. */
  entries: readonly TemplateEntry[];
  /** Reads the list again (after 表样管理 or an import that brought a template). */
  reload(): Promise<void>;
}

const TemplatesContext = createContext<TemplatesValue | null>(null);

export function registryOf(entries: readonly TemplateEntry[]): TemplateRegistry {
  return new TemplateRegistry(
    entries.filter((e) => e.builtIn).map((e) => e.template),
    entries.filter((e) => !e.builtIn).map((e) => e.template),
  );
}

/** What the app falls back to when the list cannot be read: the templates it ships with. */
const builtInEntries = (): TemplateEntry[] => BUILTIN_TEMPLATES.map((template) => ({ template, builtIn: true, formCount: 0 }));

export function TemplatesProvider({
  children,
  load = () => api['templates.list']({}),
}: {
  children: ReactNode;
  /** Where the list comes from; tests pass their own. */
  load?: () => Promise<TemplateEntry[]>;
}) {
  const [entries, setEntries] = useState<TemplateEntry[] | null>(null);
  // `load` is a prop only tests set; the first one is used for the app's lifetime.
  const loader = useRef(load);
  const reload = useCallback(async () => {
    try {
      setEntries(await loader.current());
    } catch (e) {
      notifyError(e, '读取表样列表失败');
      setEntries((old) => old ?? builtInEntries());
    }
  }, []);

  useEffect(() => void reload(), [reload]);

  const value = useMemo<TemplatesValue | null>(
    () => (entries ? { registry: registryOf(entries), entries, reload } : null),
    [entries, reload],
  );
  if (!value)
    return (
      <Group justify="center" p="xl">
        <Loader size="sm" />
        <Text size="sm">正在读取表样……</Text>
      </Group>
    );
  return <TemplatesContext.Provider value={value}>{children}</TemplatesContext.Provider>;
}

export function useTemplates(): TemplatesValue {
  const v = useContext(TemplatesContext);
  if (!v) throw new Error('表样列表尚未读取');
  return v;
}

/** A form's template by its record's template id and version; throws a Chinese UserError when unknown. */
export function templateOf(registry: TemplateRegistry, r: { templateId: string; templateVersion?: number }): TemplateDef {
  return registry.get(r.templateId, r.templateVersion);
}

/** The template's title without the words every form ends with, for the side list. */
export function shortTemplateName(t: Pick<TemplateDef, 'title'>): string {
  const s = t.title.replace(/(绩效目标)?(申报|明细)?表$/, '');
  return s.length >= 2 ? s : t.title;
}
