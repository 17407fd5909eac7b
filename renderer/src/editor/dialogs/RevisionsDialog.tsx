/**
 * 历史版本: the saved revisions of the open form, each saying what it changed; a burst of
 * autosaves (one every few seconds while the clerk types) is one row that opens into its
 * versions. Restoring one makes it the newest revision.
 */
import { Alert, Button, Group, Modal, Table, Text, UnstyledButton } from '@mantine/core';
import { Fragment, useEffect, useState } from 'react';
import type { Revision } from '../../../../shared/contract';
import { api } from '../../api';
import { errorText } from '../../ui/notify';

/** Autosaves less than this apart belong to one burst. */
export const BURST_GAP_MS = 10 * 60_000;

export type RevisionRow = { kind: 'one'; revision: Revision } | { kind: 'burst'; revisions: Revision[] };

/** Newest first, as listed: runs of autosaves (no note) each less than BURST_GAP_MS after the next older one. */
export function groupRevisions(list: readonly Revision[]): RevisionRow[] {
  const out: RevisionRow[] = [];
  let run: Revision[] = [];
  const close = () => {
    if (run.length === 1) out.push({ kind: 'one', revision: run[0] });
    else if (run.length > 1) out.push({ kind: 'burst', revisions: run });
    run = [];
  };
  for (const r of list) {
    const last = run[run.length - 1];
    const near = last && Date.parse(last.savedAt) - Date.parse(r.savedAt) < BURST_GAP_MS;
    if (r.note || !near) close();
    if (r.note) out.push({ kind: 'one', revision: r });
    else run.push(r);
  }
  close();
  return out;
}

/** The changes of a burst, each named once, newest first. */
export function burstChanges(revisions: readonly Revision[]): string {
  const seen = new Set<string>();
  for (const r of revisions) for (const part of (r.changes ?? '').split('；')) if (part && part !== '内容没有变化') seen.add(part);
  return [...seen].join('；') || '内容没有变化';
}

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });
const clock = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit' });

export function RevisionsDialog({ formId, onClose, onRestored }: { formId: number; onClose(): void; onRestored(): void }) {
  const [list, setList] = useState<Revision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [opened, setOpened] = useState<Set<number>>(() => new Set());

  useEffect(() => {
    api['forms.revisions']({ id: formId }).then(setList, (e: unknown) => setError(errorText(e)));
  }, [formId]);

  async function restore(revision: number) {
    setBusy(revision);
    setError(null);
    try {
      await api['forms.restoreRevision']({ id: formId, revision });
      onRestored();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  }

  const current = list?.[0]?.revision;
  function actionFor(r: Revision) {
    return r.revision === current ? (
      <Text size="xs" c="dimmed">
        当前版本
      </Text>
    ) : (
      <Button size="xs" variant="light" loading={busy === r.revision} disabled={busy !== null} onClick={() => void restore(r.revision)}>
        恢复此版本
      </Button>
    );
  }

  function revisionLine(r: Revision, inner = false) {
    return (
      <Table.Tr key={r.revision} className={inner ? 'revision-inner' : undefined}>
        <Table.Td pl={inner ? 'lg' : undefined}>第 {r.revision} 版</Table.Td>
        <Table.Td>{when(r.savedAt)}</Table.Td>
        <Table.Td>
          <Text size="sm">
            {r.note || '自动保存'}
            {r.changes ? `：${r.changes}` : ''}
          </Text>
        </Table.Td>
        <Table.Td ta="right">{actionFor(r)}</Table.Td>
      </Table.Tr>
    );
  }

  return (
    <Modal opened onClose={onClose} title="历史版本" size="xl">
      <Text size="xs" c="dimmed" mb="xs">
        每次保存都会留下一个版本；一天以前的版本每天只保留最后一个。恢复某个版本时，它的内容会另存为最新版本，现在的内容仍保留在列表中。
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      {list === null && !error && <Text size="sm">正在读取……</Text>}
      {list && list.length === 0 && <Text size="sm">还没有历史版本。</Text>}
      {list && list.length > 0 && (
        <Table striped data-testid="revisions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>版本</Table.Th>
              <Table.Th>保存时间</Table.Th>
              <Table.Th>说明</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groupRevisions(list).map((row) => {
              if (row.kind === 'one') return revisionLine(row.revision);
              const newest = row.revisions[0];
              const oldest = row.revisions[row.revisions.length - 1];
              const open = opened.has(newest.revision);
              return (
                <Fragment key={`burst-${newest.revision}`}>
                  <Table.Tr data-testid="revision-burst">
                    <Table.Td>
                      第 {oldest.revision}–{newest.revision} 版
                    </Table.Td>
                    <Table.Td>
                      {when(oldest.savedAt)}–{clock(newest.savedAt)}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        自动保存 {row.revisions.length} 次：{burstChanges(row.revisions)}
                      </Text>
                      <UnstyledButton
                        className="revision-expand"
                        aria-expanded={open}
                        onClick={() =>
                          setOpened((old) => {
                            const next = new Set(old);
                            if (open) next.delete(newest.revision);
                            else next.add(newest.revision);
                            return next;
                          })
                        }
                      >
                        <Text size="xs" c="blue">
                          {open ? '收起' : `逐个查看这 ${row.revisions.length} 个版本`}
                        </Text>
                      </UnstyledButton>
                    </Table.Td>
                    <Table.Td ta="right">{actionFor(newest)}</Table.Td>
                  </Table.Tr>
                  {open && row.revisions.map((r) => revisionLine(r, true))}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          关闭
        </Button>
      </Group>
    </Modal>
  );
}
