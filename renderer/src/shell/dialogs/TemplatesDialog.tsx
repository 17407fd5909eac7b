/**
 * 表样管理: the templates this store knows — the built-in ones and those imported from template
 * files a finance bureau hands out. A template file can be imported and any template exported;
 * an imported template that no form uses (also none in the trash) can be removed; 从空白表生成
 * makes one from a county's blank form (BlankDesignerDialog.tsx).
 */
import { Alert, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { TemplateEntry } from '../../../../shared/contract';
import { api } from '../../api';
import { openFiles, saveFile } from '../../api/files';
import { useTemplates } from '../../templates/TemplatesContext';
import { notifyOk } from '../../ui/notify';
import { BlankDesignerDialog } from './BlankDesignerDialog';
import { useBusyAction } from './useBusyAction';

export function TemplatesDialog({ onClose, onChanged }: { onClose(): void; onChanged?(): void }) {
  const { entries, reload } = useTemplates();
  const { busy, error, act } = useBusyAction();
  const [confirm, setConfirm] = useState<TemplateEntry | null>(null);
  const [designing, setDesigning] = useState(false);

  // The form counts change as forms are made and deleted: read them afresh when the dialog opens.
  useEffect(() => void reload(), [reload]);

  const importFile = () =>
    act('import', async () => {
      const [file] = await openFiles('template', false);
      if (!file) return;
      const entry = await api['templates.import'](file);
      await reload();
      onChanged?.();
      notifyOk(`已导入表样「${entry.template.title}」（第 ${entry.template.version} 版），新建时可以选择它。`);
    });

  const exportOne = (e: TemplateEntry) =>
    act(`export:${e.template.id}`, async () => {
      const file = await api['templates.export']({ id: e.template.id });
      const saved = await saveFile(file, 'template');
      if (saved) notifyOk(`已导出表样：${saved}`);
    });

  const remove = (e: TemplateEntry) =>
    act(`remove:${e.template.id}`, async () => {
      await api['templates.remove']({ id: e.template.id });
      setConfirm(null);
      await reload();
      onChanged?.();
      notifyOk(`已删除表样「${e.template.title}」。`);
    });

  return (
    <Modal opened onClose={busy ? () => {} : onClose} title="表样管理" size={920}>
      <Text size="xs" c="dimmed" mb="xs">
        表样规定一种表的格式、字段和检查规则。程序自带的表样不能删除；从表样文件（.json）导入的表样，没有表单使用时可以删除。
      </Text>
      {error && (
        <Alert color="red" mb="xs" data-testid="templates-error">
          {error}
        </Alert>
      )}
      <Table striped data-testid="templates-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>表名</Table.Th>
            <Table.Th>编号</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>版本</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>来源</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>使用中的表单数</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.template.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {e.template.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {e.template.description}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {e.template.id}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>第 {e.template.version} 版</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" c={e.builtIn ? 'dimmed' : 'blue.7'} fw={e.builtIn ? 400 : 600}>
                  {e.builtIn ? '自带' : '导入'}
                </Text>
              </Table.Td>
              <Table.Td>{e.formCount}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Button
                  size="xs"
                  variant="light"
                  mr={4}
                  loading={busy === `export:${e.template.id}`}
                  disabled={busy !== null}
                  aria-label={`导出表样「${e.template.title}」`}
                  onClick={() => void exportOne(e)}
                >
                  导出
                </Button>
                {!e.builtIn && (
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    disabled={busy !== null || e.formCount > 0}
                    title={e.formCount > 0 ? `有 ${e.formCount} 份表单（含回收站中的）使用这个表样，不能删除` : undefined}
                    aria-label={`删除表样「${e.template.title}」`}
                    onClick={() => setConfirm(e)}
                  >
                    删除
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {confirm ? (
        <Alert color="red" mt="md" p="sm" title="删除表样" data-testid="confirm-remove-template">
          <Text size="sm" mb="xs">
            删除表样「{confirm.template.title}」（编号 {confirm.template.id}）？删除后不能再用它新建表单；需要时可以重新导入表样文件。
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setConfirm(null)} disabled={busy !== null}>
              取消
            </Button>
            <Button size="xs" color="red" loading={busy === `remove:${confirm.template.id}`} onClick={() => void remove(confirm)}>
              确认删除
            </Button>
          </Group>
        </Alert>
      ) : (
        <Group justify="space-between" mt="md">
          <Group gap="xs">
            <Button loading={busy === 'import'} disabled={busy !== null} onClick={() => void importFile()}>
              导入表样文件
            </Button>
            <Button variant="light" disabled={busy !== null} onClick={() => setDesigning(true)}>
              从空白表生成
            </Button>
          </Group>
          <Button variant="default" onClick={onClose} disabled={busy !== null}>
            关闭
          </Button>
        </Group>
      )}
      {designing && (
        <BlankDesignerDialog
          onClose={() => setDesigning(false)}
          onSaved={() => {
            setDesigning(false);
            void reload();
            onChanged?.();
          }}
        />
      )}
    </Modal>
  );
}
