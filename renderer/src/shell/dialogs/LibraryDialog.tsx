/**
 * 指标库: the indicators the editor suggests — the user's own entries, those imported from a
 * library file a 主管部门 hands out, those learned from this computer's forms, and the starter
 * library shipped with the program. Searched as it is typed, shown a page at a time (the list may
 * hold 2,000 entries); entries can be added, edited and deleted (a learned or starter entry is
 * only hidden from the suggestions), and the library imported from and exported to a file.
 * Every refusal of the core is shown as it words it.
 */
import { Alert, Badge, Button, Group, Modal, Pagination, Paper, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Output } from '../../../../shared/contract';
import { INDICATOR_LEVELS } from '../../../../shared/library/starter';
import { api } from '../../api';
import { openFiles, saveFile } from '../../api/files';
import { errorText, notifyOk } from '../../ui/notify';
import { useBusyAction } from './useBusyAction';

export type LibraryEntry = Output<'library.list'>[number];
type Key = Pick<LibraryEntry, 'level1' | 'level2' | 'name'>;

export const PAGE_SIZE = 50;
const SEARCH_DEBOUNCE_MS = 200;
/** library.list answers at most this many; past it the clerk is asked to search. */
const LIST_LIMIT = 2000;

export const LIBRARY_SOURCE: Record<LibraryEntry['source'], string> = {
  user: '自编',
  imported: '导入',
  learned: '本机表单',
  starter: '自带',
};
const SOURCE_COLOR: Record<LibraryEntry['source'], string> = { user: 'violet', imported: 'indigo', learned: 'green', starter: 'gray' };

interface Draft {
  level1: string;
  level2: string;
  name: string;
  value: string;
  note: string;
}

const keyText = (k: Key) => `${k.level1}\u0001${k.level2}\u0001${k.name}`;
const EMPTY_DRAFT: Draft = { level1: '产出指标', level2: '数量指标', name: '', value: '', note: '' };
const LEVEL1 = Object.keys(INDICATOR_LEVELS);
const ALL_LEVEL2 = Object.values(INDICATOR_LEVELS).flat();

function EntryForm({
  editing,
  busy,
  onSave,
  onCancel,
}: {
  editing: { draft: Draft; previous?: Key; source?: LibraryEntry['source'] };
  busy: boolean;
  onSave(d: Draft): void;
  onCancel(): void;
}) {
  const [d, setD] = useState<Draft>(editing.draft);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (k: keyof Draft) => (e: { currentTarget: HTMLInputElement }) => {
    const v = e.currentTarget.value;
    setD((o) => ({ ...o, [k]: v }));
  };
  const level2s = INDICATOR_LEVELS[d.level1.trim()] ?? ALL_LEVEL2;
  function submit(e: FormEvent) {
    e.preventDefault();
    const t = { level1: d.level1.trim(), level2: d.level2.trim(), name: d.name.trim(), value: d.value.trim(), note: d.note.trim() };
    if (t.name === '') return setProblem('请填写三级指标。');
    setProblem(null);
    onSave(t);
  }
  const borrowed = editing.source === 'learned' || editing.source === 'starter';
  return (
    <Paper withBorder p="sm" mb="sm" bg="gray.0" data-testid="library-entry-form">
      <form onSubmit={submit} aria-label={editing.previous ? '修改指标' : '新增指标'}>
        <Text size="sm" fw={600} mb={6}>
          {editing.previous ? `修改「${editing.previous.name}」` : '新增指标'}
        </Text>
        <Group gap="xs" align="flex-start" wrap="wrap">
          <TextInput label="一级指标" size="xs" w={120} value={d.level1} onChange={set('level1')} maxLength={100} list="lib-level1" />
          <TextInput label="二级指标" size="xs" w={150} value={d.level2} onChange={set('level2')} maxLength={100} list="lib-level2" />
          <TextInput
            label="三级指标"
            size="xs"
            w={220}
            value={d.name}
            onChange={set('name')}
            maxLength={200}
            withAsterisk
            data-autofocus
            error={problem}
          />
          <TextInput label="指标值" size="xs" w={160} value={d.value} onChange={set('value')} maxLength={500} placeholder="如 ≥200人次" />
          <TextInput label="说明" size="xs" w={200} value={d.note} onChange={set('note')} maxLength={500} />
        </Group>
        <datalist id="lib-level1">
          {LEVEL1.map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
        <datalist id="lib-level2">
          {level2s.map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
        <Text size="xs" c="dimmed" mt={6}>
          指标值中可以写 {'{年度}'}、{'{年度资金总额}'} 等，选用时换成表中的值。
          {borrowed && '这一条来自' + (editing.source === 'learned' ? '本机的表单' : '程序自带的常用指标') + '，保存后作为您自己的条目。'}
        </Text>
        <Group justify="flex-end" gap="xs" mt="xs">
          <Button size="xs" variant="default" onClick={onCancel} disabled={busy}>
            取消
          </Button>
          <Button size="xs" type="submit" loading={busy}>
            保存
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

export function LibraryDialog({ onClose }: { onClose(): void }) {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [page, setPage] = useState(1);
  const { busy, error, setError, act } = useBusyAction();
  const [editing, setEditing] = useState<{ draft: Draft; previous?: Key; source?: LibraryEntry['source'] } | null>(null);
  const [confirm, setConfirm] = useState<LibraryEntry | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), search.trim() ? SEARCH_DEBOUNCE_MS : 0);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    let live = true;
    api['library.list'](query ? { search: query } : {}).then(
      (list) => {
        if (!live) return;
        setEntries(list);
        setPage(1);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [query, reloadKey]);

  const reload = () => setReloadKey((k) => k + 1);
  const pages = Math.max(1, Math.ceil((entries?.length ?? 0) / PAGE_SIZE));
  const shown = useMemo(() => (entries ?? []).slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), [entries, page]);

  const save = (d: Draft) =>
    act('save', async () => {
      await api['library.save']({ entry: d, previous: editing?.previous });
      setEditing(null);
      notifyOk(editing?.previous ? `已保存「${d.name}」。` : `已添加「${d.name}」，输入三级指标时会推荐它。`);
      reload();
    });

  const remove = (e: LibraryEntry) =>
    act(`remove:${keyText(e)}`, async () => {
      await api['library.remove']({ entry: { level1: e.level1, level2: e.level2, name: e.name } });
      setConfirm(null);
      notifyOk(e.source === 'learned' || e.source === 'starter' ? `「${e.name}」不再推荐。` : `已删除「${e.name}」。`);
      reload();
    });

  const importFile = () =>
    act('import', async () => {
      const [file] = await openFiles('library', false);
      if (!file) return;
      const r = await api['library.import'](file);
      notifyOk(`已从「${file.fileName}」导入 ${r.count} 条指标。`);
      reload();
    });

  const exportAs = (format: 'json' | 'xlsx') =>
    act(`export:${format}`, async () => {
      const file = await api['library.export']({ format });
      const saved = await saveFile(file, 'library');
      if (saved) notifyOk(`已导出指标库：${saved}`);
    });

  return (
    <Modal opened onClose={busy ? () => {} : onClose} title="指标库" size={1180}>
      <Text size="xs" c="dimmed" mb="xs">
        输入三级指标时，程序从这里推荐指标和常用的指标值：本单位用过的最先，然后是指标库中的条目、本机其他单位用过的、程序自带的常用指标。
      </Text>
      {error && (
        <Alert color="red" mb="xs" data-testid="library-error" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <Group gap="xs" mb="xs" wrap="wrap">
        <TextInput
          aria-label="查找指标"
          placeholder="查找：三级指标、指标值、一级或二级"
          size="xs"
          w={320}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maxLength={100}
          data-autofocus
        />
        <Button size="xs" onClick={() => setEditing({ draft: EMPTY_DRAFT })} disabled={busy !== null || editing !== null}>
          新增指标
        </Button>
        <div style={{ flex: 1 }} />
        <Button size="xs" variant="default" loading={busy === 'import'} disabled={busy !== null} onClick={() => void importFile()}>
          导入指标库文件
        </Button>
        <Button size="xs" variant="default" loading={busy === 'export:json'} disabled={busy !== null} onClick={() => void exportAs('json')}>
          导出（JSON）
        </Button>
        <Button size="xs" variant="default" loading={busy === 'export:xlsx'} disabled={busy !== null} onClick={() => void exportAs('xlsx')}>
          导出（Excel）
        </Button>
      </Group>
      {editing && (
        <EntryForm
          key={editing.previous ? keyText(editing.previous) : 'new'}
          editing={editing}
          busy={busy === 'save'}
          onSave={(d) => void save(d)}
          onCancel={() => setEditing(null)}
        />
      )}
      {confirm && (
        <Alert color="red" mb="sm" p="sm" title="删除指标" data-testid="confirm-remove-indicator">
          <Text size="sm" mb="xs">
            {confirm.source === 'learned'
              ? `「${confirm.name}」是从本机的表单中学到的。删除只是不再推荐它，已填写的表单不受影响；以后的表单再用到它时会重新出现。`
              : confirm.source === 'starter'
                ? `「${confirm.name}」是程序自带的常用指标。删除只是不再推荐它，需要时可以自己再添加。`
                : `删除指标「${confirm.name}」（${[confirm.level1, confirm.level2].filter(Boolean).join(' / ') || '未分类'}）？删除后不再推荐它，已填写的表单不受影响。`}
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setConfirm(null)} disabled={busy !== null}>
              取消
            </Button>
            <Button size="xs" color="red" loading={busy === `remove:${keyText(confirm)}`} onClick={() => void remove(confirm)}>
              {confirm.source === 'learned' || confirm.source === 'starter' ? '不再推荐' : '确认删除'}
            </Button>
          </Group>
        </Alert>
      )}
      {entries === null ? (
        <Text size="sm" c="dimmed" p="md">
          正在读取指标库……
        </Text>
      ) : (
        <>
          <Table striped highlightOnHover fz="sm" data-testid="library-list" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={92}>一级</Table.Th>
                <Table.Th w={130}>二级</Table.Th>
                <Table.Th>三级指标</Table.Th>
                <Table.Th w={150}>指标值</Table.Th>
                <Table.Th w={170}>说明</Table.Th>
                <Table.Th w={92}>来源</Table.Th>
                <Table.Th w={110}>用过</Table.Th>
                <Table.Th w={118} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((e) => (
                <Table.Tr key={keyText(e)}>
                  <Table.Td>{e.level1}</Table.Td>
                  <Table.Td>{e.level2}</Table.Td>
                  <Table.Td fw={600}>{e.name}</Table.Td>
                  <Table.Td>{e.value}</Table.Td>
                  <Table.Td c="dimmed" fz="xs">
                    {e.note}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={SOURCE_COLOR[e.source]}>
                      {LIBRARY_SOURCE[e.source]}
                    </Badge>
                  </Table.Td>
                  <Table.Td fz="xs" style={{ whiteSpace: 'nowrap' }}>
                    {e.uses > 0 ? `${e.uses} 次${e.lastYear ? `（${e.lastYear}）` : ''}` : '—'}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    <Button
                      size="compact-xs"
                      variant="light"
                      mr={4}
                      disabled={busy !== null}
                      aria-label={`编辑「${e.name}」`}
                      onClick={() => {
                        setConfirm(null);
                        setEditing({
                          draft: { level1: e.level1, level2: e.level2, name: e.name, value: e.value, note: e.note },
                          previous: { level1: e.level1, level2: e.level2, name: e.name },
                          source: e.source,
                        });
                      }}
                    >
                      编辑
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="light"
                      color="red"
                      disabled={busy !== null}
                      aria-label={`删除「${e.name}」`}
                      onClick={() => {
                        setEditing(null);
                        setConfirm(e);
                      }}
                    >
                      删除
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {entries.length === 0 && (
            <Text size="sm" c="dimmed" p="md" ta="center">
              {query ? `没有找到含「${query}」的指标。` : '指标库是空的。'}
            </Text>
          )}
        </>
      )}
      <Group justify="space-between" mt="sm">
        <Text size="xs" c="dimmed" data-testid="library-count">
          {entries === null
            ? ''
            : entries.length >= LIST_LIMIT
              ? `只列出前 ${LIST_LIMIT} 条，请输入文字查找`
              : `共 ${entries.length} 条${pages > 1 ? `，第 ${page} / ${pages} 页` : ''}`}
        </Text>
        {pages > 1 && <Pagination size="sm" total={pages} value={page} onChange={setPage} aria-label="指标库页码" />}
        <Button variant="default" onClick={onClose} disabled={busy !== null}>
          关闭
        </Button>
      </Group>
    </Modal>
  );
}
