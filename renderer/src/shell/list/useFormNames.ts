/** What the side list calls a form's template, and a form whose name is still blank. */
import { useMemo } from 'react';
import type { FormSummary } from '../../../../shared/contract';
import { untitled } from '../../../../shared/identity';
import type { TemplateRegistry } from '../../../../shared/template/registry';
import { shortTemplateName, useTemplates } from '../../templates/TemplatesContext';

export const NO_TITLE = '（未填名称）';

/** Each form's template by a short name, or by its whole title where two short names would read alike. */
export function templateNames(registry: TemplateRegistry): (f: FormSummary) => string {
  const shortCount = new Map<string, number>();
  for (const t of registry.all()) shortCount.set(shortTemplateName(t), (shortCount.get(shortTemplateName(t)) ?? 0) + 1);
  const cache = new Map<string, string>();
  return (f) => {
    const key = `${f.templateId}@${f.templateVersion}`;
    let name = cache.get(key);
    if (name === undefined) {
      const t = registry.find(f.templateId, f.templateVersion);
      const short = t ? shortTemplateName(t) : '';
      cache.set(key, (name = !t ? '未知表样' : (shortCount.get(short) ?? 0) > 1 ? t.title : short));
    }
    return name;
  };
}

export function useFormNames(): { kindOf(f: FormSummary): string; blankOf(f: FormSummary): string; isStage(f: FormSummary): boolean } {
  const { registry } = useTemplates();
  const kindOf = useMemo(() => templateNames(registry), [registry]);
  // A later-stage form (调整, 监控, 自评) lists right under its declaration (same unit and title): drawn indented.
  const isStage = useMemo(() => (f: FormSummary) => registry.find(f.templateId, f.templateVersion)?.follows !== undefined, [registry]);
  const blankOf = useMemo(() => {
    const cache = new Map<string, string>();
    return (f: FormSummary) => {
      let name = cache.get(f.templateId);
      if (name === undefined) {
        const t = registry.find(f.templateId, f.templateVersion);
        cache.set(f.templateId, (name = t ? untitled(t) : NO_TITLE));
      }
      return name;
    };
  }, [registry]);
  return { kindOf, blankOf, isStage };
}
