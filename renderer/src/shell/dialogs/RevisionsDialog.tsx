/** 历史版本: the saved revisions of the open form; restoring one makes it the newest revision. */
import { Alert, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Revision } from '../../../../shared/contract';
import { api } from '../../api';
import { errorText } from '../notify';

export function RevisionsDialog({ formId, onClose, onRestored }: { formId: number; onClose(): void; onRestored(): void }) {
  const [list, setList] = useState<Revision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

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

  return (
    <Modal opened onClose={onClose} title="历史版本" size="lg">
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
            {list.map((r, i) => (
              <Table.Tr key={r.revision}>
                <Table.Td>第 {r.revision} 版</Table.Td>
                <Table.Td>{new Date(r.savedAt).toLocaleString('zh-CN', { hour12: false })}</Table.Td>
                <Table.Td>{r.note || '自动保存'}</Table.Td>
                <Table.Td ta="right">
                  {i === 0 ? (
                    <Text size="xs" c="dimmed">
                      当前版本
                    </Text>
                  ) : (
                    <Button
                      size="xs"
                      variant="light"
                      loading={busy === r.revision}
                      disabled={busy !== null}
                      onClick={() => void restore(r.revision)}
                    >
                      恢复此版本
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
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
