/** 生成下一年度 (on last year's form): shows what the store will change in the texts before it creates next year's draft. */
import { Alert, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { FormRecord, Output } from '../../../../shared/contract';
import { untitled } from '../../../../shared/identity';
import { describeNewYear } from '../../../../shared/newYear';
import type { TemplateDef } from '../../../../shared/template/schema';
import { api } from '../../api';
import { errorText } from '../../ui/notify';

export function NewYearDialog({
  record,
  template,
  onClose,
  onCreated,
}: {
  record: FormRecord;
  template: TemplateDef;
  onClose(): void;
  onCreated(id: number): void;
}) {
  const { carried, cleared } = describeNewYear(template);
  const [year, setYear] = useState(String(Number(record.year) + 1));
  const [preview, setPreview] = useState<Output<'forms.newYearPreview'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const validYear = /^\d{4}$/.test(year);

  useEffect(() => {
    setPreview(null);
    setError(null);
    if (!validYear) return;
    let live = true;
    api['forms.newYearPreview']({ id: record.id, year }).then(
      (p) => live && setPreview(p),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [record.id, year, validYear]);

  async function create() {
    setBusy(true);
    try {
      const r = await api['forms.newYear']({ id: record.id, year });
      onCreated(r.record.id);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="生成下一年度" size="xl">
      <Stack>
        <Text size="sm">
          以「{record.year}年 {record.title || untitled(template)}」为底稿，新建下一年度的草稿，请在新表中逐项核对。
        </Text>
        <div data-testid="new-year-rules">
          <Text size="sm">
            <b>会保留：</b>
            {carried.length ? carried.join('、') : '（没有）'}
          </Text>
          <Text size="sm">
            <b>需重新填写：</b>
            {cleared.length ? cleared.join('、') : '（没有）'}
          </Text>
        </div>
        <TextInput
          label="新表的年度"
          value={year}
          onChange={(e) => setYear(e.currentTarget.value.trim())}
          error={validYear ? null : '年度应为四位数字，如 2020'}
          w={200}
        />
        {error && <Alert color="red">{error}</Alert>}
        {preview?.conflict && (
          <Alert color="yellow">
            {year}年已有「{preview.conflict.title}」的申报表。请换一个年度，或先把已有的那份移到回收站。
          </Alert>
        )}
        {preview && (
          <>
            <Text fw={700} size="sm">
              文字中将自动修改的地方（{preview.changes.length} 处）
            </Text>
            {preview.changes.length === 0 ? (
              <Text size="sm" c="dimmed">
                没有需要自动修改的文字。
              </Text>
            ) : (
              <Table withTableBorder withColumnBorders data-testid="year-changes">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>项目</Table.Th>
                    <Table.Th>原文</Table.Th>
                    <Table.Th>改为</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.changes.map((c, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{c.label}</Table.Td>
                      <Table.Td>{c.before}</Table.Td>
                      <Table.Td>{c.after}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button onClick={create} loading={busy} disabled={!preview || Boolean(preview.conflict)}>
            创建{validYear ? `${year}年` : ''}草稿
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
