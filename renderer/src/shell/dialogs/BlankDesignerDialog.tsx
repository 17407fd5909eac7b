/**
 * 表样管理 → 从空白表生成: a county's blank form (.docx or .xlsx) opened, read in the import
 * worker and proposed as a template (templates.fromBlank); the proposal shown as the paper grid,
 * each cell with what it became (标签, 填写处 with its kind, 指标列, 空白格). A cell is chosen by
 * click or by Tab and Enter; a 填写处 can be renamed, given another kind or made a blank nobody
 * fills in, and a blank made a 填写处 (shared/template/blankEdit.ts). 保存 stores the template
 * (templates.save: a template with an id the store has becomes its next version). Nothing is
 * stored before that.
 */
import { Alert, Button, Checkbox, Group, Modal, NativeSelect, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { z } from 'zod';
import type { blankProposalSchema } from '../../../../shared/contract';
import { kindOf, proposableKinds } from '../../../../shared/kinds';
import { withFieldEdit, withValueAt, withValueCleared } from '../../../../shared/template/blankEdit';
import type { TemplateDef } from '../../../../shared/template/schema';
import { api } from '../../api';
import { openFiles } from '../../api/files';
import { notifyOk } from '../../ui/notify';
import { useBusyAction } from './useBusyAction';

type Proposal = z.output<typeof blankProposalSchema>;
type ProposedCell = Proposal['cells'][number];

const ROLE_NAMES: Record<ProposedCell['role'], string> = {
  label: '标签',
  value: '填写处',
  labelValue: '标签和填写处',
  column: '指标列',
  empty: '空白格',
};

const ROLE_COLORS: Record<ProposedCell['role'], string> = {
  label: '#f1f3f5',
  value: '#e7f5ff',
  labelValue: '#e6fcf5',
  column: '#fff9db',
  empty: '#ffffff',
};

export function BlankDesignerDialog({ onClose, onSaved }: { onClose(): void; onSaved(): void }) {
  const { busy, error, setError, act } = useBusyAction();
  const [fileName, setFileName] = useState('');
  const [template, setTemplate] = useState<TemplateDef | null>(null);
  const [cells, setCells] = useState<ProposedCell[]>([]);
  const [notes, setNotes] = useState<string[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [newLabel, setNewLabel] = useState('');

  const open = () =>
    act('open', async () => {
      const [file] = await openFiles('docx', false);
      if (!file) return;
      const p = await api['templates.fromBlank'](file);
      setFileName(file.fileName);
      setTemplate(p.template);
      setCells(p.cells);
      setNotes(p.notes);
      setSelected(null);
    });

  const save = () =>
    act('save', async () => {
      if (!template) return;
      const entry = await api['templates.save']({ template });
      notifyOk(`已保存表样「${entry.template.title}」（第 ${entry.template.version} 版），新建时可以选择它。`);
      onSaved();
    });

  /** Applies one change; a refused change says why and leaves the template as it was. */
  const change = (fn: (t: TemplateDef) => TemplateDef, cellsAfter?: (t: TemplateDef) => ProposedCell[]) => {
    if (!template) return;
    try {
      const next = fn(template);
      setTemplate(next);
      if (cellsAfter) setCells(cellsAfter(next));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const cell = selected === null ? null : cells[selected];
  const field = cell?.field && template ? template.fields.find((f) => f.id === cell.field) : undefined;
  const rows = Math.max(0, ...cells.map((c) => c.row + c.rowSpan));

  const makeBlank = (c: ProposedCell) =>
    change(
      (t) => withValueCleared(t, c.field!),
      () =>
        cells.map((x) =>
          x.field === c.field
            ? { ...x, role: x.role === 'value' ? 'empty' : 'label', field: undefined, label: undefined, kind: undefined }
            : x,
        ),
    );
  const makeValue = (c: ProposedCell) =>
    change(
      (t) => withValueAt(t, c.templateRow, c.col, newLabel),
      (t) => {
        const placed = t.table.cells.find((x) => x.row === c.templateRow && x.col === c.col)?.content;
        const f = placed?.type === 'field' ? t.fields.find((x) => x.id === placed.field) : undefined;
        return cells.map((x) => (x === c && f ? { ...x, role: 'value', field: f.id, label: f.label, kind: f.kind } : x));
      },
    );
  const editField = (edit: { label?: string; kind?: string; required?: boolean }) =>
    change(
      (t) => withFieldEdit(t, field!.id, edit),
      (t) => {
        const f = t.fields.find((x) => x.id === field!.id)!;
        return cells.map((x) => (x.field === f.id ? { ...x, label: f.label, kind: f.kind } : x));
      },
    );

  return (
    <Modal opened onClose={busy ? () => {} : onClose} title="从空白表生成表样" size={1100}>
      <Text size="xs" c="dimmed" mb="xs">
        选择财政局下发的空白表（Word .docx 或 Excel
        .xlsx），程序按表格自动生成表样：有文字的格是标签，标签旁或标签下的空白格是填写处，绩效指标表按表头识别。点选（或用 Tab
        移到后按回车）一个单元格可以修改它的作用、名称和类型，然后保存。
      </Text>
      {error && (
        <Alert color="red" mb="xs" data-testid="designer-error">
          {error}
        </Alert>
      )}
      {!template ? (
        <Group justify="space-between">
          <Button loading={busy === 'open'} onClick={() => void open()} data-autofocus>
            选择空白表…
          </Button>
          <Button variant="default" onClick={onClose} disabled={busy !== null}>
            取消
          </Button>
        </Group>
      ) : (
        <Stack gap="xs">
          <Text size="sm">
            空白表「{fileName}」→ 表样「{template.title}」（编号 {template.id}）：{template.fields.length} 个字段
            {template.groups?.length ? `，「${template.groups[0].label}」${template.groups[0].columns.length} 列` : ''}
          </Text>
          {notes.length > 0 && (
            <Alert color="yellow" p="xs" data-testid="designer-notes">
              {notes.map((n) => (
                <Text size="xs" key={n}>
                  {n}
                </Text>
              ))}
            </Alert>
          )}
          <Group align="flex-start" wrap="nowrap" gap="md">
            <ScrollArea h={520} style={{ flex: 1 }}>
              <table data-testid="designer-grid" style={{ borderCollapse: 'collapse', width: '100%', fontSize: 12 }}>
                <tbody>
                  {Array.from({ length: rows }, (_, r) => (
                    <tr key={r}>
                      {cells
                        .map((c, i) => ({ c, i }))
                        .filter(({ c }) => c.row === r)
                        .sort((a, b) => a.c.col - b.c.col)
                        .map(({ c, i }) => {
                          const text = c.text.trim() || (c.label ? `〔${c.label}〕` : '');
                          return (
                            <td
                              key={`${c.row}:${c.col}`}
                              rowSpan={c.rowSpan}
                              colSpan={c.colSpan}
                              tabIndex={0}
                              role="button"
                              aria-pressed={selected === i}
                              aria-label={`第 ${c.row + 1} 行第 ${c.col + 1} 列：${c.text.trim() || '空白'}（${ROLE_NAMES[c.role]}${c.kind && c.role !== 'label' ? `，${kindOf(c.kind).title}` : ''}）`}
                              onClick={() => setSelected(i)}
                              onKeyDown={(e) => {
                                if (e.key === 'Enter' || e.key === ' ') {
                                  e.preventDefault();
                                  setSelected(i);
                                }
                              }}
                              style={{
                                border: '1px solid #868e96',
                                padding: 4,
                                background: ROLE_COLORS[c.role],
                                outline: selected === i ? '2px solid #1c7ed6' : undefined,
                                cursor: 'pointer',
                                verticalAlign: 'middle',
                                whiteSpace: 'pre-line',
                              }}
                            >
                              <div>{text}</div>
                              <div style={{ fontSize: 10, color: '#495057' }}>
                                {ROLE_NAMES[c.role]}
                                {c.kind && c.role !== 'label' ? ` · ${kindOf(c.kind).title}` : ''}
                              </div>
                            </td>
                          );
                        })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
            <Stack w={280} gap="xs" data-testid="designer-panel">
              {!cell ? (
                <Text size="sm" c="dimmed">
                  选择一个单元格查看和修改它的作用。
                </Text>
              ) : (
                <>
                  <Text size="sm" fw={600}>
                    第 {cell.row + 1} 行第 {cell.col + 1} 列：{ROLE_NAMES[cell.role]}
                  </Text>
                  {(cell.role === 'value' || cell.role === 'empty') && (
                    <NativeSelect
                      label="作用"
                      value={cell.role}
                      data={[
                        { value: 'value', label: '填写处（字段）' },
                        { value: 'empty', label: '空白格（不填写）' },
                      ]}
                      onChange={(e) => {
                        if (e.currentTarget.value === 'empty' && cell.role === 'value') makeBlank(cell);
                        if (e.currentTarget.value === 'value' && cell.role === 'empty') makeValue(cell);
                      }}
                    />
                  )}
                  {cell.role === 'empty' && (
                    <TextInput
                      label="设为填写处时的名称"
                      value={newLabel}
                      onChange={(e) => setNewLabel(e.currentTarget.value)}
                      description="先写名称，再把作用改为「填写处」"
                    />
                  )}
                  {field && (
                    <>
                      <TextInput
                        key={`label:${field.id}`}
                        label="字段名称"
                        defaultValue={field.label}
                        onBlur={(e) => e.currentTarget.value !== field.label && editField({ label: e.currentTarget.value })}
                        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
                      />
                      <NativeSelect
                        label="类型"
                        value={field.kind}
                        data={proposableKinds().map((k) => ({ value: k.name, label: k.title }))}
                        onChange={(e) => editField({ kind: e.currentTarget.value })}
                      />
                      <Checkbox
                        label="必填"
                        checked={!!field.required}
                        onChange={(e) => editField({ required: e.currentTarget.checked })}
                      />
                      {cell.role === 'labelValue' && (
                        <Button size="xs" variant="light" onClick={() => makeBlank(cell)}>
                          改为固定文字
                        </Button>
                      )}
                    </>
                  )}
                  {cell.role === 'label' && <Text size="xs">固定印刷的文字，导入时用来找到旁边的填写处。</Text>}
                  {cell.role === 'column' && <Text size="xs">绩效指标表的一列：每一行指标逐行填写，导入时按表头读取。</Text>}
                </>
              )}
            </Stack>
          </Group>
          <Group justify="space-between">
            <Button variant="default" onClick={() => void open()} disabled={busy !== null}>
              换一个空白表…
            </Button>
            <Group gap="xs">
              <Button variant="default" onClick={onClose} disabled={busy !== null}>
                取消
              </Button>
              <Button loading={busy === 'save'} disabled={busy !== null} onClick={() => void save()}>
                保存表样
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
