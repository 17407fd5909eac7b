/**
 * 导入: reads each chosen .docx, shows what was read field by field (uncertain values marked)
 * with its check result, asks what to do when the year and 部门名称 already exist, then
 * imports on confirmation and lists the outcome per file.
 */
import { Accordion, Alert, Badge, Button, Group, Modal, Progress, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ImportPreview, OnConflict, Output } from '../../../../shared/contract';
import { getTemplate } from '../../../../shared/templates';
import type { FilePayload } from '../../api/files';
import { api } from '../../api';
import { printedText } from '../../print/PrintSheet';
import { withComputed } from '../../../../shared/formOps';
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

function Review({ preview }: { preview: ImportPreview }) {
  const t = getTemplate(preview.data.templateId);
  const form = withComputed(preview.data, t);
  const uncertain = new Set(preview.uncertain);
  const msgs = (id: string) => preview.messages.filter((m) => m.field === id);
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {preview.source === 'embedded' ? '由本程序导出的文件：按文件内附带的完整数据读取。' : '按表格内容识别读取，请逐项核对标黄的项目。'}
      </Text>
      {preview.notes.length > 0 && (
        <Alert color="yellow" p="xs" title="读取说明">
          {preview.notes.map((n, i) => (
            <div key={i}>{n}</div>
          ))}
        </Alert>
      )}
      <Table withTableBorder withColumnBorders fz="xs" data-testid="import-review">
        <Table.Tbody>
          {t.fields.map((f) => (
            <Table.Tr key={f.id} style={uncertain.has(f.id) ? { background: '#fff9db' } : undefined}>
              <Table.Td w={150} fw={700}>
                {f.label}
                {uncertain.has(f.id) && (
                  <Badge size="xs" color="yellow" ml={4}>
                    请核对
                  </Badge>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                {printedText(f, form)}
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
    <Modal opened onClose={onClose} title={`导入 Word 文件（${files.length} 个）`} size="xl">
      <Stack>
        {(reading || committing) && <Progress value={progress} animated aria-label="导入进度" />}
        <Accordion multiple defaultValue={files.length === 1 ? ['0'] : []} variant="contained">
          {entries.map((e, i) => (
            <Accordion.Item key={i} value={String(i)}>
              <Accordion.Control>
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {e.fileName}
                  </Text>
                  {e.state === 'reading' && <Badge variant="light">正在读取</Badge>}
                  {e.state === 'failed' && <Badge color="red">失败</Badge>}
                  {e.state === 'read' && (
                    <Badge color={e.preview.messages.some((m) => m.severity === 'error') ? 'orange' : 'green'} variant="light">
                      {e.preview.messages.some((m) => m.severity === 'error') ? '已读取，有需要修改的地方' : '已读取'}
                    </Badge>
                  )}
                  {e.state === 'done' && (
                    <Badge color={e.result.outcome === 'skipped' ? 'gray' : 'green'}>{OUTCOME[e.result.outcome]}</Badge>
                  )}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                {e.state === 'failed' && <Alert color="red">{e.message}</Alert>}
                {e.state === 'done' && <Text size="sm">{e.result.message}</Text>}
                {e.state === 'read' && (
                  <Stack gap="xs">
                    {e.preview.conflict && (
                      <Alert color="yellow" p="xs">
                        <Text size="sm" mb={4}>
                          已有 {e.preview.conflict.year}年「{e.preview.conflict.department}」的申报表。
                        </Text>
                        <SegmentedControl
                          size="xs"
                          value={e.onConflict}
                          onChange={(v) => update(i, { ...e, onConflict: v as OnConflict })}
                          data={[
                            { value: 'replace', label: '替换（原表进入历史版本）' },
                            { value: 'copy', label: '两份都保留' },
                            { value: 'skip', label: '跳过' },
                          ]}
                        />
                      </Alert>
                    )}
                    <Review preview={e.preview} />
                  </Stack>
                )}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
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
