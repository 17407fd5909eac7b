/**
 * 新建: first which form (the templates the store knows, the built-in one first), then the
 * budget year and the fields that identify a form of that template (部门名称; 主管单位 and
 * 资金名称 …), which may also be left for later and filled in the table.
 */
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { fieldDef } from '../../../../shared/formOps';
import type { TemplateDef } from '../../../../shared/template/schema';
import { api } from '../../api';
import { useTemplates } from '../../templates/TemplatesContext';
import { errorText } from '../../ui/notify';

/** The fields the dialog asks for: the identity key, in the template's order, each once. */
export function identityFields(t: TemplateDef) {
  return [...new Set(t.identity.key)].map((id) => fieldDef(t, id)).filter((f) => f.kind === 'text' || f.kind === 'multiline');
}

/**
 * Fields that name the unit filling the form besides the identity's own (填报单位 on the 2019 form,
 * next to its 部门名称): required one-line text whose label ends in 单位. They start as the unit typed.
 */
export function unitEchoFields(t: TemplateDef) {
  const key = new Set(t.identity.key);
  if (!t.identity.unit || !key.has(t.identity.unit)) return [];
  return t.fields.filter((f) => f.kind === 'text' && f.required && !key.has(f.id) && f.label.endsWith('单位'));
}

/**
 * The budget year a unit declares is next year's: in December 2026 it fills in 2027. When the
 * newest form in the store is already for a later year (that round's other forms), that year.
 */
export function defaultBudgetYear(now: Date, latestYear: string | null): string {
  const next = now.getFullYear() + 1;
  const latest = latestYear && /^\d{4}$/.test(latestYear) ? Number(latestYear) : 0;
  return String(Math.max(next, latest));
}

function yearHint(now: Date, latestYear: string | null): string {
  const next = now.getFullYear() + 1;
  const base = `申报的是下一年度的预算：今年是 ${now.getFullYear()} 年，填 ${next} 年度。`;
  return latestYear && Number(latestYear) > next ? `${base}最新的一份表是 ${latestYear} 年度，已按它填好。` : base;
}

export function NewFormDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: number): void }) {
  const { entries } = useTemplates();
  const templates = entries.map((e) => e.template);
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? '');
  const [year, setYear] = useState(() => defaultBudgetYear(new Date(), null));
  /** Typed by the clerk: the newest form's year, arriving later, no longer replaces it. */
  const yearTouched = useRef(false);
  const [latestYear, setLatestYear] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  /** Echo fields the clerk typed into themselves: from then on they no longer follow the unit. */
  const [ownEcho, setOwnEcho] = useState<Set<string>>(() => new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const validYear = /^\d{4}$/.test(year);
  const t = templates.find((x) => x.id === templateId);
  const fields = t ? identityFields(t) : [];
  const echoes = t ? unitEchoFields(t) : [];
  const unitTyped = t?.identity.unit ? (values[t.identity.unit] ?? '') : '';
  const echoValue = (id: string) => (ownEcho.has(id) ? (values[id] ?? '') : unitTyped);

  useEffect(() => {
    let live = true;
    api['forms.page']({ limit: 1 }).then(
      (p) => {
        if (!live) return;
        const y = p.items[0]?.year ?? null;
        setLatestYear(y);
        if (!yearTouched.current) setYear(defaultBudgetYear(new Date(), y));
      },
      () => {}, // the year stays next year's
    );
    return () => {
      live = false;
    };
    // Asked once, when the dialog opens.
  }, []);

  async function create(e?: FormEvent) {
    e?.preventDefault();
    if (!t || !validYear || busy) return;
    setBusy(true);
    setError(null);
    try {
      const given: Record<string, string> = {};
      for (const f of fields) if ((values[f.id] ?? '').trim()) given[f.id] = values[f.id].trim();
      for (const f of echoes) if (echoValue(f.id).trim()) given[f.id] = echoValue(f.id).trim();
      const r = await api['forms.create']({ templateId: t.id, year, values: given });
      onCreated(r.id);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="新建申报表" size="lg">
      <form onSubmit={(e) => void create(e)}>
        <Stack>
          <div role="radiogroup" aria-label="选择要填写的表" className="template-choices">
            <Text size="sm" fw={500} mb={4}>
              填写哪一种表
            </Text>
            <Stack gap={6}>
              {templates.map((x, i) => (
                <label key={x.id} className="template-choice">
                  <input
                    type="radio"
                    name="template"
                    value={x.id}
                    checked={x.id === templateId}
                    onChange={() => setTemplateId(x.id)}
                    data-autofocus={i === 0 ? true : undefined}
                    aria-describedby={`tpl-desc-${x.id}`}
                  />
                  <span>
                    <Text size="sm" fw={600} component="span" display="block">
                      {x.title}
                    </Text>
                    <Text size="xs" c="dimmed" component="span" display="block" id={`tpl-desc-${x.id}`}>
                      {x.description}
                    </Text>
                  </span>
                </label>
              ))}
            </Stack>
          </div>
          <TextInput
            label="年度"
            value={year}
            onChange={(e) => {
              yearTouched.current = true;
              setYear(e.currentTarget.value.trim());
            }}
            error={validYear ? null : '年度应为四位数字，如 2020'}
            description={yearHint(new Date(), latestYear)}
            w={420}
          />
          {fields.map((f) => (
            <TextInput
              key={`${templateId}.${f.id}`}
              label={f.label}
              value={values[f.id] ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setValues((old) => ({ ...old, [f.id]: v }));
              }}
              placeholder="可以稍后在表中填写"
            />
          ))}
          {echoes.map((f) => (
            <TextInput
              key={`${templateId}.${f.id}`}
              label={f.label}
              value={echoValue(f.id)}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setOwnEcho((old) => new Set(old).add(f.id));
                setValues((old) => ({ ...old, [f.id]: v }));
              }}
              description={`与${fieldDef(t!, t!.identity.unit!).label}相同时不必改`}
              placeholder="可以稍后在表中填写"
            />
          ))}
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" loading={busy} disabled={!validYear || !t}>
              创建
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
