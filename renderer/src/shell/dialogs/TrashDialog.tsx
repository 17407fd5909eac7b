/** 回收站: deleted forms, restorable until the bin is emptied. */
import { Alert, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { FormSummary } from '../../../../shared/contract';
import { api } from '../../api';
import { errorText } from '../../ui/notify';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

export function TrashDialog({ onClose, onChanged }: { onClose(): void; onChanged(openId?: number): void }) {
  const [list, setList] = useState<FormSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const [busy, setBusy] = useState(false);
  const load = () => api['trash.list']({}).then(setList, (e: unknown) => setError(errorText(e)));
  useEffect(() => void load(), []);

  async function act(fn: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await fn();
      await load();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="回收站" size="lg">
      <Text size="xs" c="dimmed" mb="xs">
        删除的申报表会先放在这里，点「恢复」可以放回列表。
      </Text>
      {error && (
        <Alert color="red" mb="xs">
          {error}
        </Alert>
      )}
      {list === null && !error && <Text size="sm">正在读取……</Text>}
      {list?.length === 0 && <Text size="sm">回收站是空的。</Text>}
      {list && list.length > 0 && (
        <Table striped data-testid="trash-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>年度</Table.Th>
              <Table.Th>名称</Table.Th>
              <Table.Th>单位</Table.Th>
              <Table.Th>删除时间</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>{f.year}年</Table.Td>
                <Table.Td>{f.title || '（未填名称）'}</Table.Td>
                <Table.Td>{f.unit}</Table.Td>
                <Table.Td>{f.deletedAt ? when(f.deletedAt) : ''}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="light"
                    disabled={busy}
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
      {confirmEmpty && list && list.length > 0 ? (
        <Alert color="red" mt="md" p="sm" title="清空回收站" data-testid="confirm-empty">
          <Text size="sm" mb="xs">
            清空后，回收站中的 {list.length} 份申报表将永久删除，不能恢复。确定清空？
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setConfirmEmpty(false)} disabled={busy}>
              取消
            </Button>
            <Button
              size="xs"
              color="red"
              loading={busy}
              onClick={() =>
                void act(async () => {
                  await api['trash.empty']({});
                  setConfirmEmpty(false);
                })
              }
            >
              确认清空
            </Button>
          </Group>
        </Alert>
      ) : (
        <Group justify="space-between" mt="md">
          <Button color="red" variant="light" disabled={!list?.length || busy} onClick={() => setConfirmEmpty(true)}>
            清空回收站
          </Button>
          <Button variant="default" onClick={onClose}>
            关闭
          </Button>
        </Group>
      )}
    </Modal>
  );
}
