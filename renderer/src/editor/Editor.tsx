/** The open form: its toolbar (save status, undo, 定稿, export, print, history) and the paper sheet. */
import { Alert, Badge, Button, Group, Loader, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { FormData } from '../../../shared/form';
import type { TemplateDef } from '../../../shared/template/types';
import { api, isDesktop } from '../api';
import { saveFile } from '../api/files';
import { ConfirmDialog } from '../shell/dialogs/ConfirmDialog';
import { NewYearDialog } from '../shell/dialogs/NewYearDialog';
import { RevisionsDialog } from '../shell/dialogs/RevisionsDialog';
import { UnlockDialog } from '../shell/dialogs/UnlockDialog';
import { errorText, notifyError, notifyOk } from '../shell/notify';
import { useStoreVersion } from './hooks';
import { MessagesPanel } from './MessagesPanel';
import { PaperForm } from './PaperForm';
import { SaveStatus } from './SaveStatus';
import { useOpenForm, type OpenForm } from './useOpenForm';

export interface EditorProps {
  formId: number;
  onOpen(id: number | null): void;
  onListChanged(): void;
  onPrint(template: TemplateDef, data: FormData): void;
}

function UndoButtons({ open }: { open: OpenForm }) {
  useStoreVersion(open.store);
  return (
    <>
      <Button size="xs" variant="subtle" disabled={!open.store.canUndo()} onClick={() => open.store.undo()} title="Ctrl+Z">
        撤销
      </Button>
      <Button size="xs" variant="subtle" disabled={!open.store.canRedo()} onClick={() => open.store.redo()} title="Ctrl+Y">
        重做
      </Button>
    </>
  );
}

export function Editor({ formId, onOpen, onListChanged, onPrint }: EditorProps) {
  const [reloadKey, setReloadKey] = useState(0);
  const { open, error } = useOpenForm(formId, reloadKey);
  const [dialog, setDialog] = useState<'newYear' | 'revisions' | 'unlock' | 'delete' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const reload = useCallback(() => setReloadKey((k) => k + 1), []);
  const saver = open?.saver;
  const onLeaveCell = useCallback(() => void saver?.flush(), [saver]);

  useEffect(() => {
    if (open?.restoredDraft) notifyOk('已恢复上次未保存的内容，正在保存。', '未丢失');
  }, [open]);

  if (error)
    return (
      <Alert color="red" m="md" title="打不开这份申报表">
        {error}
      </Alert>
    );
  if (!open || open.record.id !== formId)
    return (
      <Group justify="center" p="xl">
        <Loader size="sm" />
        <Text size="sm">正在打开……</Text>
      </Group>
    );

  const { record, store } = open;
  const final = record.status === 'final';

  async function run(label: string, fn: () => Promise<void>) {
    setBusy(label);
    try {
      await fn();
    } catch (e) {
      notifyError(e, `${label}没有完成`);
    } finally {
      setBusy(null);
    }
  }

  const saveFirst = async () => {
    await open.saver.flush();
    if (open.saver.status.state === 'error')
      throw new Error(`请先处理保存失败的问题：${(open.saver.status as { message: string }).message}`);
  };

  const exportWord = () =>
    run('导出 Word', async () => {
      await saveFirst();
      const file = await api['export.docx']({ id: record.id });
      const saved = await saveFile(file, 'docx');
      if (saved) notifyOk(`已导出：${saved}`);
      if (file.dropped.length) notifyError(new Error(file.dropped.join('；')), '以下内容没有写入 Word');
    });

  const print = () =>
    run('打印', async () => {
      await saveFirst();
      if (isDesktop()) await api['print.print']({ id: record.id });
      else onPrint(store.template, store.data());
    });

  const exportPdf = () =>
    run('导出 PDF', async () => {
      await saveFirst();
      const file = await api['print.pdf']({ id: record.id });
      const saved = await saveFile(file, 'pdf');
      if (saved) notifyOk(`已导出：${saved}`);
    });

  const finalize = () =>
    run('定稿', async () => {
      await saveFirst();
      await api['forms.finalize']({ id: record.id });
      onListChanged();
      reload();
    });

  /** Throws into the confirmation dialog, which shows the message and stays open. */
  const remove = async () => {
    await saveFirst();
    await api['forms.delete']({ id: record.id });
    setDialog(null);
    notifyOk(`「${record.year}年 ${record.department || '（未填部门名称）'}」已移到回收站，需要时可在「回收站」中恢复。`);
    onListChanged();
    onOpen(null);
  };

  return (
    <div className="editor">
      <div className="editor-toolbar no-print">
        <Group gap="xs" wrap="wrap">
          <Text fw={700}>
            {record.year}年 {record.department || '（未填部门名称）'}
          </Text>
          {final ? (
            <Badge color="gray">已定稿</Badge>
          ) : (
            <Badge color="blue" variant="light">
              草稿
            </Badge>
          )}
          {!final && <SaveStatus saver={open.saver} />}
          {!final && <UndoButtons open={open} />}
          <div style={{ flex: 1 }} />
          <Button size="xs" variant="default" onClick={() => setDialog('newYear')}>
            从上年复制
          </Button>
          <Button size="xs" variant="default" loading={busy === '导出 Word'} onClick={exportWord}>
            导出 Word
          </Button>
          <Button size="xs" variant="default" loading={busy === '打印'} onClick={print}>
            打印
          </Button>
          {isDesktop() && (
            <Button size="xs" variant="default" loading={busy === '导出 PDF'} onClick={exportPdf}>
              导出 PDF
            </Button>
          )}
          <Button size="xs" variant="default" onClick={() => void saveFirst().then(() => setDialog('revisions'), notifyError)}>
            历史版本
          </Button>
          {final ? (
            <Button size="xs" color="orange" onClick={() => setDialog('unlock')}>
              解除定稿
            </Button>
          ) : (
            <Button size="xs" color="teal" loading={busy === '定稿'} onClick={finalize}>
              定稿
            </Button>
          )}
          <Button size="xs" variant="subtle" color="red" onClick={() => setDialog('delete')}>
            删除
          </Button>
        </Group>
        {final && (
          <Alert color="gray" mt="xs" p="xs" data-testid="final-banner">
            这份申报表已定稿，只能查看、导出和打印。需要修改时请点「解除定稿」。
          </Alert>
        )}
      </div>
      <div className="editor-body">
        <div className="sheet-scroll">
          <PaperForm store={store} readOnly={final} onLeaveCell={onLeaveCell} />
        </div>
        <MessagesPanel store={store} />
      </div>
      {dialog === 'newYear' && (
        <NewYearDialog
          record={record}
          onClose={() => setDialog(null)}
          onCreated={(id) => {
            setDialog(null);
            onListChanged();
            onOpen(id);
          }}
        />
      )}
      {dialog === 'revisions' && (
        <RevisionsDialog
          formId={record.id}
          onClose={() => setDialog(null)}
          onRestored={() => {
            setDialog(null);
            onListChanged();
            reload();
            notifyOk('已恢复所选版本。');
          }}
        />
      )}
      {dialog === 'delete' && (
        <ConfirmDialog title="移到回收站" confirmLabel="移到回收站" onClose={() => setDialog(null)} onConfirm={remove}>
          把「{record.year}年 {record.department || '（未填部门名称）'}」移到回收站？
          <br />
          移走后可以在「回收站」中恢复；清空回收站后就不能恢复了。
        </ConfirmDialog>
      )}
      {dialog === 'unlock' && (
        <UnlockDialog
          onClose={() => setDialog(null)}
          onConfirm={async (reason) => {
            try {
              await api['forms.unlock']({ id: record.id, reason });
              setDialog(null);
              onListChanged();
              reload();
            } catch (e) {
              notifyError(e, `解除定稿没有完成：${errorText(e)}`);
            }
          }}
        />
      )}
    </div>
  );
}
