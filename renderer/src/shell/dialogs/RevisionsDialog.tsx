/** 历史版本: the saved revisions of the open form; restoring one makes it the newest revision. */
import { Alert, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Revision } from '../../../../shared/contract';
import { api } from '../../api';
import { errorText } from '../notify';

export function RevisionsDialog({ formId, onClose, onRestored }: { formId: number; onClose(): void; onRestored(): void }) {
  const [list, setList] = useState<Revision[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api['forms.revisions']({ id: formId }).then(setList, (e: unknown) => setError(errorText(e)));
  }, [formId]);

  async function restore(revision: number) {
    try {
      await api['forms.restoreRevision']({ id: formId, revision });
      onRestored();
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <Modal opened onClose={onClose} title="历史版本" size="lg">
      {error && <Alert color="red">{error}</Alert>}
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
            {list.map((r) => (
              <Table.Tr key={r.revision}>
                <Table.Td>第 {r.revision} 版</Table.Td>
                <Table.Td>{new Date(r.savedAt).toLocaleString('zh-CN', { hour12: false })}</Table.Td>
                <Table.Td>{r.note}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => void restore(r.revision)}>
                    恢复此版本
                  </Button>
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
