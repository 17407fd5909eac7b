/** 回收站: deleted forms, restorable until the bin is emptied. */
import { Alert, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { FormSummary } from '../../../../shared/contract';
import { api } from '../../api';
import { errorText } from '../notify';

export function TrashDialog({ onClose, onChanged }: { onClose(): void; onChanged(openId?: number): void }) {
  const [list, setList] = useState<FormSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api['trash.list']({}).then(setList, (e: unknown) => setError(errorText(e)));
  useEffect(() => void load(), []);

  async function act(fn: () => Promise<unknown>) {
    try {
      await fn();
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <Modal opened onClose={onClose} title="回收站" size="lg">
      {error && <Alert color="red">{error}</Alert>}
      {list?.length === 0 && <Text size="sm">回收站是空的。</Text>}
      {list && list.length > 0 && (
        <Table striped>
          <Table.Tbody>
            {list.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>{f.year}年</Table.Td>
                <Table.Td>{f.department || '（未填部门名称）'}</Table.Td>
                <Table.Td>{f.deletedAt ? `删除于 ${new Date(f.deletedAt).toLocaleString('zh-CN', { hour12: false })}` : ''}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() =>
                      void act(async () => {
                        const r = await api['trash.restore']({ id: f.id });
                        onChanged(r.id);
                      })
                    }
                  >
                    恢复
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="space-between" mt="md">
        <Button
          color="red"
          variant="light"
          disabled={!list?.length}
          onClick={() => {
            if (window.confirm('清空回收站后，其中的申报表将无法恢复。确定清空？')) void act(() => api['trash.empty']({}));
          }}
        >
          清空回收站
        </Button>
        <Button variant="default" onClick={onClose}>
          关闭
        </Button>
      </Group>
    </Modal>
  );
}
