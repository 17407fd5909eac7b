/**
 * 导入: reads each chosen .docx, shows at a glance which form each file holds (form, year,
 * unit, name) and whether it conflicts with one already stored, what was read field by field
 * (uncertain values marked) with its check result, asks what to do on a conflict, then imports
 * on confirmation and lists the outcome per file. A file that brings a template this store
 * lacks says so; the template is imported with it.
 */
import { Alert, Badge, Button, Collapse, Group, Modal, Paper, Progress, Radio, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ImportPreview, OnConflict, Output } from '../../../../shared/contract';
import { DEFAULT_OPTIONS } from '../../../../shared/form';
import { rowsOf, withComputed } from '../../../../shared/formOps';
import { groupCellKey, messageCell } from '../../../../shared/messages';
import { printedColumnText, printedFieldText } from '../../../../shared/printing';
import type { TemplateDef } from '../../../../shared/template/schema';
import type { FilePayload } from '../../api/files';
import { api } from '../../api';
import { useTemplates } from '../../templates/TemplatesContext';
import { errorText } from '../../ui/notify';
import { ImportSource } from './ImportSource';

/** One form to import: a file, or one of several forms a file holds (`part`); `file` indexes the chosen files. */
type Entry = { key: string; fileName: string; file: number; part?: { index: number; count: number } } & (
  | { state: 'reading' }
  | { state: 'read'; preview: ImportPreview; onConflict: OnConflict }
  | { state: 'failed'; message: string }
  | { state: 'done'; result: Output<'import.commit'> }
);

const OUTCOME: Record<Output<'import.commit'>['outcome'], string> = {
  imported: '已导入',
  replaced: '已替换',
  copied: '已另存为副本',
  skipped: '已跳过',
};

const CONFLICT_CHOICES: { value: OnConflict; label: string; hint: string }[] = [
  { value: 'replace', label: '替换', hint: '用文件内容替换已有的表，原内容保留在历史版本中' },
  { value: 'copy', label: '保留两份', hint: '另存为一份副本，名称后加“（副本）”' },
  { value: 'skip', label: '跳过', hint: '不导入这个文件' },
];

type Msg = ImportPreview['messages'][number];

/** The check result in one line, and the messages that belong to no cell shown below. */
function CheckSummary({ preview, shown }: { preview: ImportPreview; shown: Set<string> }) {
  const errors = preview.messages.filter((m) => m.severity === 'error').length;
  const warnings = preview.messages.length - errors;
  const loose = preview.messages.filter((m) => !shown.has(messageCell(m)));
  const color = errors ? 'orange' : warnings ? 'yellow' : 'green';
  const text =
    preview.messages.length === 0
      ? '检查结果：没有发现问题。'
      : `检查结果：${[errors && `${errors} 处需要修改`, warnings && `${warnings} 处提示`].filter(Boolean).join('，')}（见下表中标注的项目）。可以先导入，再在表中修改。`;
  return (
    <Alert color={color} p="xs" data-testid="import-check">
      <Text size="sm">{text}</Text>
      {loose.map((m, i) => (
        <Text key={i} size="xs" c={m.severity === 'error' ? 'red' : 'yellow.9'}>
          {m.message}
        </Text>
      ))}
    </Alert>
  );
}

function MessageLines({ list }: { list: readonly Msg[] }) {
  return (
    <>
      {list.map((m, i) => (
        <Text key={i} size="xs" c={m.severity === 'error' ? 'red' : 'yellow.9'}>
          {m.message}
        </Text>
      ))}
    </>
  );
}

const Blank = () => (
  <Text span size="xs" c="dimmed">
    （空）
  </Text>
);

function Review({ preview, template: t }: { preview: ImportPreview; template: TemplateDef | undefined }) {
  // The value under the pointer, whose source cell the evidence grid outlines.
  const [lit, setLit] = useState('');
  if (!t)
    return (
      <Alert color="red" p="xs">
        这个文件用的表样本机没有，读取结果无法显示。请先在「表样管理」中导入该表样。
      </Alert>
    );
  const form = withComputed(preview.data, t);
  const options = form.options ?? DEFAULT_OPTIONS;
  const uncertain = new Set(preview.uncertain);
  const byCell = new Map<string, Msg[]>();
  for (const m of preview.messages) byCell.set(messageCell(m), [...(byCell.get(messageCell(m)) ?? []), m]);
  const shown = new Set<string>();
  const msgs = (key: string) => {
    shown.add(key);
    return byCell.get(key) ?? [];
  };
  const fieldRows = t.fields.map((f) => (
    <Table.Tr
      key={f.id}
      style={uncertain.has(f.id) ? { background: '#fff9db' } : undefined}
      onMouseEnter={() => setLit(printedFieldText(f, form.values[f.id], options))}
      onMouseLeave={() => setLit('')}
    >
      <Table.Td w={170} fw={700} style={{ verticalAlign: 'top' }}>
        {f.label}
        {uncertain.has(f.id) && (
          <Badge size="xs" color="yellow" ml={4} component="span">
            请核对
          </Badge>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
        {printedFieldText(f, form.values[f.id], options) || <Blank />}
        <MessageLines list={msgs(f.id)} />
      </Table.Td>
    </Table.Tr>
  ));
  const groups = (t.groups ?? []).map((g) => {
    const rows = rowsOf(form.values, g.id);
    return (
      <Stack key={g.id} gap={2}>
        <Text size="xs" fw={700}>
          {g.label}（{rows.length} 行）
          {uncertain.has(g.id) && (
            <Badge size="xs" color="yellow" ml={4} component="span">
              请核对
            </Badge>
          )}
        </Text>
        <MessageLines list={msgs(g.id)} />
        <Table withTableBorder withColumnBorders fz="xs" data-testid={`import-review-${g.id}`}>
          <Table.Thead>
            <Table.Tr>
              {g.columns.map((c) => (
                <Table.Th key={c.id}>{c.label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={i}>
                {g.columns.map((c) => (
                  <Table.Td
                    key={c.id}
                    style={{ whiteSpace: 'pre-wrap' }}
                    onMouseEnter={() => setLit(printedColumnText(c, r[c.id], options))}
                    onMouseLeave={() => setLit('')}
                  >
                    {printedColumnText(c, r[c.id], options)}
                    <MessageLines list={msgs(groupCellKey(g.id, i, c.id))} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    );
  });
  const read = (
    <Stack gap="xs" style={{ flex: '1 1 50%', minWidth: 0 }}>
      <CheckSummary preview={preview} shown={shown} />
      <Text size="xs" c="dimmed">
        {preview.source === 'embedded'
          ? '这是本程序导出的文件：按文件内附带的完整数据读取。'
          : '按表格内容识别读取，请逐项核对，标黄的项目尤其需要核对。'}
      </Text>
      {preview.notes.length > 0 && (
        <Alert color="yellow" p="xs" title="读取说明">
          {preview.notes.map((n, i) => (
            <Text key={i} size="xs">
              {n}
            </Text>
          ))}
        </Alert>
      )}
      <Table withTableBorder withColumnBorders fz="xs" data-testid="import-review">
        <Table.Tbody>{fieldRows}</Table.Tbody>
      </Table>
      {groups}
      <Unplaced list={preview.unplaced} />
    </Stack>
  );
  if (preview.sourceTables.length === 0) return read;
  // The evidence beside what was read: the file's own table, read and unplaced cells marked.
  return (
    <div className="import-evidence">
      <div className="import-evidence-source">
        <ImportSource tables={preview.sourceTables} lit={lit} />
      </div>
      {read}
    </div>
  );
}

/** What the file holds that the form has no place for: listed whole, by where it was printed. */
function Unplaced({ list }: { list: ImportPreview['unplaced'] }) {
  if (list.length === 0) return null;
  return (
    <Alert color="orange" p="xs" title={`未归位的内容（${list.length} 处）：表样中没有它们的位置，不会导入，请核对是否需要手工填入`}>
      <Table withTableBorder withColumnBorders fz="xs" data-testid="import-unplaced">
        <Table.Tbody>
          {list.map((u, i) => (
            <Table.Tr key={i}>
              <Table.Td w={200} fw={700} style={{ verticalAlign: 'top' }}>
                {u.where}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{u.text}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}

/** Which form a file holds, at a glance: 「部门整体支出绩效目标申报表」 2019年 · 单位 · 名称. */
function Glance({ preview }: { preview: ImportPreview }) {
  const parts = [preview.year ? `${preview.year}年` : '（未填年度）', preview.unit || '（未填单位）'];
  if (preview.title && preview.title !== preview.unit) parts.push(preview.title);
  return (
    <Text size="sm" data-testid="import-glance">
      <Text span size="sm" c="dimmed">
        「{preview.templateTitle}」
      </Text>{' '}
      {parts.join(' · ')}
    </Text>
  );
}

function StateBadge({ entry: e }: { entry: Entry }) {
  if (e.state === 'reading') return <Badge variant="light">正在读取</Badge>;
  if (e.state === 'failed') return <Badge color="red">失败</Badge>;
  if (e.state === 'done') return <Badge color={e.result.outcome === 'skipped' ? 'gray' : 'green'}>{OUTCOME[e.result.outcome]}</Badge>;
  const errors = e.preview.messages.some((m) => m.severity === 'error');
  return (
    <Badge color={errors ? 'orange' : 'green'} variant="light">
      {errors ? '已读取，有需要修改的地方' : '已读取，待确认'}
    </Badge>
  );
}

function FileItem({
  entry: e,
  openInitially,
  onConflictChange,
}: {
  entry: Entry;
  openInitially: boolean;
  onConflictChange(v: OnConflict): void;
}) {
  const [open, setOpen] = useState(openInitially);
  const { registry } = useTemplates();
  const template = e.state === 'read' ? (e.preview.newTemplate ?? registry.find(e.preview.data.templateId)) : undefined;
  return (
    <Paper component="li" withBorder p="xs" radius="sm">
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={600} style={{ flex: 1, wordBreak: 'break-all' }}>
            {e.fileName}
            {e.part && (
              <Text span size="sm" c="dimmed" fw={400}>
                {' '}
                （其中第 {e.part.index + 1} 份，共 {e.part.count} 份）
              </Text>
            )}
          </Text>
          <StateBadge entry={e} />
        </Group>
        {e.state === 'read' && <Glance preview={e.preview} />}
        {e.state === 'read' && e.preview.newTemplate && (
          <Alert color="blue" p="xs" data-testid="import-new-template">
            <Text size="sm">
              这个文件用的是本机还没有的表样「{e.preview.newTemplate.title}」（第 {e.preview.newTemplate.version}{' '}
              版），导入时会一并导入这个表样，之后可在「表样管理」中查看。
            </Text>
          </Alert>
        )}
        {e.state === 'failed' && (
          <Text size="sm" c="red">
            {e.message}
          </Text>
        )}
        {e.state === 'done' && <Text size="sm">{e.result.message}</Text>}
        {e.state === 'read' && e.preview.conflict && (
          <Alert color="yellow" p="xs" data-testid="import-conflict">
            <Text size="sm" mb={6}>
              已有{e.preview.conflict.year}年「{e.preview.conflict.title || e.preview.conflict.unit}」的申报表
              {e.preview.conflict.status === 'final' ? '（已定稿，不能替换）' : ''}
              。请选择怎么处理：
            </Text>
            <Radio.Group value={e.onConflict} onChange={(v) => onConflictChange(v as OnConflict)} aria-label={`${e.fileName} 的处理方式`}>
              <Stack gap={4}>
                {CONFLICT_CHOICES.filter((c) => c.value !== 'replace' || e.preview.conflict?.status !== 'final').map((c) => (
                  <Radio key={c.value} value={c.value} label={c.label} description={c.hint} size="xs" />
                ))}
              </Stack>
            </Radio.Group>
          </Alert>
        )}
        {e.state === 'read' && (
          <>
            <Button size="compact-xs" variant="subtle" onClick={() => setOpen((o) => !o)} style={{ alignSelf: 'flex-start' }}>
              {open ? '收起读取结果' : '查看读取结果'}
            </Button>
            <Collapse expanded={open}>
              <Review preview={e.preview} template={template} />
            </Collapse>
          </>
        )}
      </Stack>
    </Paper>
  );
}

export function ImportDialog({
  files,
  onClose,
  onImported,
}: {
  files: FilePayload[];
  onClose(): void;
  onImported(lastId: number | null): void;
}) {
  const [entries, setEntries] = useState<Entry[]>(() =>
    files.map((f, i) => ({ key: `f${i}`, fileName: f.fileName, file: i, state: 'reading' })),
  );
  const [committing, setCommitting] = useState(false);
  const [progress, setProgress] = useState(0);
  const templates = useTemplates();
  /** Puts `next` in place of the entry with `key` (one file read can become several forms). */
  const replace = (key: string, next: Entry[]) => setEntries((list) => list.flatMap((x) => (x.key === key ? next : [x])));
  const update = (e: Entry) => replace(e.key, [e]);

  useEffect(() => {
    let live = true;
    (async () => {
      for (let i = 0; i < files.length; i++) {
        const base = { key: `f${i}`, fileName: files[i].fileName, file: i };
        try {
          const previews = await api['import.read'](files[i]);
          if (live)
            replace(
              base.key,
              previews.map((preview, k) => ({
                key: `f${i}.${k}`,
                fileName: base.fileName,
                file: i,
                part: previews.length > 1 ? { index: k, count: previews.length } : undefined,
                state: 'read',
                preview,
                onConflict: preview.conflict ? 'skip' : 'copy',
              })),
            );
        } catch (e) {
          if (live) update({ ...base, state: 'failed', message: errorText(e) });
        }
        if (live) setProgress(((i + 1) / files.length) * 100);
      }
    })();
    return () => {
      live = false;
    };
  }, [files]);

  const reading = entries.some((e) => e.state === 'reading');
  const toCommit = entries.filter((e) => e.state === 'read').length;
  const finished = !reading && toCommit === 0;
  const counts = {
    done: entries.filter((e) => e.state === 'done' && e.result.outcome !== 'skipped').length,
    skipped: entries.filter((e) => e.state === 'done' && e.result.outcome === 'skipped').length,
    failed: entries.filter((e) => e.state === 'failed').length,
  };

  async function commitAll() {
    setCommitting(true);
    setProgress(0);
    let lastId: number | null = null;
    let newTemplates = false;
    const list = entries;
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      if (e.state !== 'read') continue;
      try {
        const result = await api['import.commit']({
          data: e.preview.data,
          onConflict: e.preview.conflict ? e.onConflict : 'copy',
          newTemplate: e.preview.newTemplate,
          // Kept with the form (stored once however many forms the file holds), so the office can look at what was sent.
          original: files[e.file],
        });
        if (result.id !== null) lastId = result.id;
        if (e.preview.newTemplate && result.outcome !== 'skipped') newTemplates = true;
        update({ key: e.key, fileName: e.fileName, file: e.file, part: e.part, state: 'done', result });
      } catch (err) {
        update({ key: e.key, fileName: e.fileName, file: e.file, part: e.part, state: 'failed', message: errorText(err) });
      }
      setProgress(((i + 1) / list.length) * 100);
    }
    setCommitting(false);
    if (newTemplates) await templates.reload();
    onImported(lastId);
  }

  return (
    <Modal
      opened
      onClose={committing ? () => {} : onClose}
      title={`导入 Word 文件（${files.length} 个）`}
      size={entries.some((e) => e.state === 'read' && e.preview.sourceTables.length > 0) ? '96%' : 'xl'}
    >
      <Stack>
        {(reading || committing) && (
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {reading ? '正在读取文件……' : '正在导入……'}
            </Text>
            <Progress value={progress} animated aria-label="导入进度" />
          </Stack>
        )}
        {!reading && !finished && <Text size="sm">请核对读取结果，确认无误后点「确认导入」。读取失败的文件不会导入。</Text>}
        {finished && (
          <Text size="sm" fw={600} data-testid="import-summary">
            导入完成：导入 {counts.done} 个，跳过 {counts.skipped} 个，失败 {counts.failed} 个。
          </Text>
        )}
        <ul className="import-results" data-testid="import-results" aria-label="导入结果">
          {entries.map((e) => (
            <FileItem
              key={e.key}
              entry={e}
              openInitially={entries.length === 1}
              onConflictChange={(v) => e.state === 'read' && update({ ...e, onConflict: v })}
            />
          ))}
        </ul>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={committing}>
            {finished ? '关闭' : '取消'}
          </Button>
          {!finished && (
            <Button onClick={() => void commitAll()} loading={committing} disabled={reading || toCommit === 0}>
              确认导入{toCommit > 1 ? `（${toCommit} 个）` : ''}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
