/**
 * 新建: first which form (the templates the store knows, the built-in one first), then the
 * budget year and the fields that identify a form of that template (部门名称; 主管单位 and
 * 资金名称 …), which may also be left for later and filled in the table.
 */
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldDef } from '../../../../shared/formOps';
import type { TemplateDef } from '../../../../shared/template/schema';
import { api } from '../../api';
import { useTemplates } from '../../templates/TemplatesContext';
import { errorText } from '../notify';

/** The fields the dialog asks for: the identity key, in the template's order, each once. */
export function identityFields(t: TemplateDef) {
  return [...new Set(t.identity.key)].map((id) => fieldDef(t, id)).filter((f) => f.kind === 'text' || f.kind === 'multiline');
}

export function NewFormDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: number): void }) {
  const { entries } = useTemplates();
  const templates = entries.map((e) => e.template);
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? '');
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const validYear = /^\d{4}$/.test(year);
  const t = templates.find((x) => x.id === templateId);
  const fields = t ? identityFields(t) : [];

  async function create(e?: FormEvent) {
    e?.preventDefault();
    if (!t || !validYear || busy) return;
    setBusy(true);
    setError(null);
    try {
      const given: Record<string, string> = {};
      for (const f of fields) if ((values[f.id] ?? '').trim()) given[f.id] = values[f.id].trim();
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
            onChange={(e) => setYear(e.currentTarget.value.trim())}
            error={validYear ? null : '年度应为四位数字，如 2020'}
            w={200}
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
