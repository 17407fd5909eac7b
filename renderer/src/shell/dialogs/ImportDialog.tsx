/**
 * 导入: reads each chosen .docx, shows what was read field by field (uncertain values marked)
 * with its check result, asks what to do when the year and 部门名称 already exist, then
 * imports on confirmation and lists the outcome per file.
 */
import { Alert, Badge, Button, Collapse, Group, Modal, Paper, Progress, Radio, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ImportPreview, OnConflict, Output } from '../../../../shared/contract';
import { withComputed } from '../../../../shared/formOps';
import { getTemplate } from '../../../../shared/templates';
import type { FilePayload } from '../../api/files';
import { api } from '../../api';
import { printedText } from '../../print/PrintSheet';
import { errorText } from '../notify';

type Entry =
  | { fileName: string; state: 'reading' }
  | { fileName: string; state: 'read'; preview: ImportPreview; onConflict: OnConflict }
  | { fileName: string; state: 'failed'; message: string }
  | { fileName: string; state: 'done'; result: Output<'import.commit'> };

const OUTCOME: Record<Output<'import.commit'>['outcome'], string> = {
  imported: '已导入',
  replaced: '已替换',
  copied: '已另存为副本',
  skipped: '已跳过',
};

const CONFLICT_CHOICES: { value: OnConflict; label: string; hint: string }[] = [
  { value: 'replace', label: '替换', hint: '用文件内容替换已有的表，原内容保留在历史版本中' },
  { value: 'copy', label: '保留两份', hint: '另存为一份副本，部门名称后加“（副本）”' },
  { value: 'skip', label: '跳过', hint: '不导入这个文件' },
];

/** The check result in one line, and the messages that belong to no single row. */
function CheckSummary({ preview, fieldIds }: { preview: ImportPreview; fieldIds: Set<string> }) {
  const errors = preview.messages.filter((m) => m.severity === 'error').length;
  const warnings = preview.messages.length - errors;
  const loose = preview.messages.filter((m) => !fieldIds.has(m.field));
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

function Review({ preview }: { preview: ImportPreview }) {
  const t = getTemplate(preview.data.templateId);
  const form = withComputed(preview.data, t);
  const uncertain = new Set(preview.uncertain);
  const msgs = (id: string) => preview.messages.filter((m) => m.field === id);
  return (
    <Stack gap="xs">
      <CheckSummary preview={preview} fieldIds={new Set(t.fields.map((f) => f.id))} />
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
        <Table.Tbody>
          {t.fields.map((f) => (
            <Table.Tr key={f.id} style={uncertain.has(f.id) ? { background: '#fff9db' } : undefined}>
              <Table.Td w={170} fw={700} style={{ verticalAlign: 'top' }}>
                {f.label}
                {uncertain.has(f.id) && (
                  <Badge size="xs" color="yellow" ml={4} component="span">
                    请核对
                  </Badge>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                {printedText(f, form) || (
                  <Text span size="xs" c="dimmed">
                    （空）
                  </Text>
                )}
                {msgs(f.id).map((m, i) => (
                  <Text key={i} size="xs" c={m.severity === 'error' ? 'red' : 'yellow.9'}>
                    {m.message}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
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
  return (
    <Paper component="li" withBorder p="xs" radius="sm">
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={600} style={{ flex: 1, wordBreak: 'break-all' }}>
            {e.fileName}
          </Text>
          <StateBadge entry={e} />
        </Group>
        {e.state === 'failed' && (
          <Text size="sm" c="red">
            {e.message}
          </Text>
        )}
        {e.state === 'done' && <Text size="sm">{e.result.message}</Text>}
        {e.state === 'read' && e.preview.conflict && (
          <Alert color="yellow" p="xs" data-testid="import-conflict">
            <Text size="sm" mb={6}>
              已有{e.preview.conflict.year}年「{e.preview.conflict.department}」的申报表
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
              <Review preview={e.preview} />
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
  const [entries, setEntries] = useState<Entry[]>(() => files.map((f) => ({ fileName: f.fileName, state: 'reading' })));
  const [committing, setCommitting] = useState(false);
  const [progress, setProgress] = useState(0);
  const update = (i: number, e: Entry) => setEntries((list) => list.map((x, j) => (j === i ? e : x)));

  useEffect(() => {
    let live = true;
    (async () => {
      for (let i = 0; i < files.length; i++) {
        try {
          const preview = await api['import.read'](files[i]);
          if (live) update(i, { fileName: files[i].fileName, state: 'read', preview, onConflict: preview.conflict ? 'skip' : 'copy' });
        } catch (e) {
          if (live) update(i, { fileName: files[i].fileName, state: 'failed', message: errorText(e) });
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
    const list = entries;
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      if (e.state !== 'read') continue;
      try {
        const result = await api['import.commit']({ data: e.preview.data, onConflict: e.preview.conflict ? e.onConflict : 'copy' });
        if (result.id !== null) lastId = result.id;
        update(i, { fileName: e.fileName, state: 'done', result });
      } catch (err) {
        update(i, { fileName: e.fileName, state: 'failed', message: errorText(err) });
      }
      setProgress(((i + 1) / list.length) * 100);
    }
    setCommitting(false);
    onImported(lastId);
  }

  return (
    <Modal opened onClose={committing ? () => {} : onClose} title={`导入 Word 文件（${files.length} 个）`} size="xl">
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
          {entries.map((e, i) => (
            <FileItem
              key={i}
              entry={e}
              openInitially={files.length === 1}
              onConflictChange={(v) => e.state === 'read' && update(i, { ...e, onConflict: v })}
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
