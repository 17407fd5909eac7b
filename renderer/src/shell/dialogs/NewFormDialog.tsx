/** 新建: a blank form for a budget year and a 部门名称. */
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api';
import { errorText } from '../notify';

export function NewFormDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: number): void }) {
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [department, setDepartment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const validYear = /^\d{4}$/.test(year);

  async function create() {
    setBusy(true);
    try {
      const r = await api['forms.create']({ year, department: department.trim() });
      onCreated(r.id);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="新建申报表">
      <Stack>
        <TextInput
          label="年度"
          value={year}
          onChange={(e) => setYear(e.currentTarget.value.trim())}
          error={validYear ? null : '年度应为四位数字，如 2020'}
          data-autofocus
        />
        <TextInput
          label="部门名称"
          value={department}
          onChange={(e) => setDepartment(e.currentTarget.value)}
          placeholder="可以稍后在表中填写"
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button onClick={create} loading={busy} disabled={!validYear}>
            创建
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
