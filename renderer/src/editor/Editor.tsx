/** The open form: its toolbar (save status, undo, 定稿, export, print, history, 年度对比) and the paper sheet. */
import { Alert, Badge, Button, Group, Loader, Text } from '@mantine/core';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { FormData } from '../../../shared/form';
import { untitled } from '../../../shared/identity';
import type { TemplateDef } from '../../../shared/template/schema';
import { api, isDesktop } from '../api';
import { saveFile } from '../api/files';
import { CompareView } from '../compare/CompareView';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { NewYearDialog } from './dialogs/NewYearDialog';
import { RevisionsDialog } from './dialogs/RevisionsDialog';
import { UnlockDialog } from './dialogs/UnlockDialog';
import { errorText, notifyError, notifyOk } from '../ui/notify';
import { useTemplates } from '../templates/TemplatesContext';
import type { Autosaver } from './autosave';
import { useFitSheet } from './fitWidth';
import { useStoreVersion } from './hooks';
import { FinalizeDialog } from './FinalizeDialog';
import { MessagesPanel } from './MessagesPanel';
import { PaperForm } from './PaperForm';
import { SaveErrorLine, SaveStatus } from './SaveStatus';
import { StageBar } from './StageBar';
import { OriginalFileLine } from './OriginalFileLine';
import { LightsStrip } from './LightsStrip';
import { LastYearContext } from './lastYear/LastYearNote';
import { useLastYear } from './lastYear/useLastYear';
import type { SuggestFn } from './suggest/useSuggestions';
import { useOpenForm, type OpenForm } from './useOpenForm';

export interface EditorProps {
  formId: number;
  onOpen(id: number | null): void;
  onListChanged(): void;
  onPrint(template: TemplateDef, data: FormData): void;
}

/** Toolbar buttons: compact, so that one row holds them all at 1366 px. */
const BTN = 'compact-sm';

function UndoButtons({ open }: { open: OpenForm }) {
  useStoreVersion(open.store);
  return (
    <>
      <Button size={BTN} variant="subtle" disabled={!open.store.canUndo()} onClick={() => open.store.undo()} title="Ctrl+Z">
        撤销
      </Button>
      <Button size={BTN} variant="subtle" disabled={!open.store.canRedo()} onClick={() => open.store.redo()} title="Ctrl+Y">
        重做
      </Button>
    </>
  );
}

/**
 * The toolbar is sticky under the app header and its height changes (an alert under it): the
 * 检查结果 panel sits below it, and a cell the caret moves to is scrolled clear of it
 * (scroll-padding-top in app.css), through one CSS variable on the page.
 */
function useToolbarHeight(el: HTMLElement | null) {
  useEffect(() => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const set = () => root.style.setProperty('--editor-toolbar-h', `${Math.ceil(el.getBoundingClientRect().height)}px`);
    set();
    const ro = new ResizeObserver(set);
    ro.observe(el);
    return () => {
      ro.disconnect();
      root.style.removeProperty('--editor-toolbar-h');
    };
  }, [el]);
}

function useSaveStatus(saver: Autosaver | undefined) {
  const sub = useCallback((fn: () => void) => saver?.subscribe(fn) ?? (() => {}), [saver]);
  return useSyncExternalStore(sub, () => saver?.status ?? null);
}

/**
 * The form was changed elsewhere (another window, an import) since it was opened: nothing more is
 * saved until the user keeps their text (saving it over the newest version) or drops it.
 */
function ConflictAlert({ open, onReload, onHistory }: { open: OpenForm; onReload(): void; onHistory(): void }) {
  const [busy, setBusy] = useState<'keep' | 'drop' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const status = open.saver.status;
  const message = status.state === 'conflict' ? status.message : '';

  async function keepMine() {
    setBusy('keep');
    setError(null);
    try {
      const newest = await api['forms.get']({ id: open.record.id });
      if (newest.status === 'final')
        throw new Error('这份表单已在别处定稿，不能覆盖。请先复制您的修改，再选择「放弃我的修改，载入最新版本」');
      await open.saver.overwrite(newest.revision);
      const after = open.saver.status;
      if (after.state === 'error') throw new Error(after.message);
      if (after.state === 'saved') notifyOk('已用您的修改覆盖了别处的修改；被覆盖的版本仍在「历史版本」中。');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  }

  function dropMine() {
    setBusy('drop');
    open.saver.discard();
    onReload();
  }

  return (
    <Alert color="red" mt="xs" p="sm" title="表单已在别处修改，您的修改还没有保存" data-testid="conflict-alert" role="alert">
      <Text size="sm">{message}</Text>
      <Text size="sm" mt={4}>
        您输入的内容仍在表中，也已暂存在本机，不会丢失。请选择保留哪一份（可先点「查看历史版本」看看别处保存的版本）：
      </Text>
      {error && (
        <Text size="sm" c="red" mt={4}>
          {error}
        </Text>
      )}
      <Group gap="xs" mt="xs">
        <Button size="xs" color="red" loading={busy === 'keep'} disabled={busy !== null} onClick={() => void keepMine()}>
          保留我的修改（覆盖）
        </Button>
        <Button size="xs" variant="default" loading={busy === 'drop'} disabled={busy !== null} onClick={dropMine}>
          放弃我的修改，载入最新版本
        </Button>
        <Button size="xs" variant="subtle" disabled={busy !== null} onClick={onHistory}>
          查看历史版本
        </Button>
      </Group>
    </Alert>
  );
}

export function Editor({ formId, onOpen, onListChanged, onPrint }: EditorProps) {
  const [reloadKey, setReloadKey] = useState(0);
  const { registry } = useTemplates();
  const { open, error } = useOpenForm(formId, reloadKey, registry);
  const [dialog, setDialog] = useState<'newYear' | 'revisions' | 'unlock' | 'delete' | 'compare' | 'finalize' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const reload = useCallback(() => setReloadKey((k) => k + 1), []);
  const saver = open?.saver;
  const openStore = open?.store;
  // Leaving a cell is a pause: its messages show now, and the form is saved.
  const onLeaveCell = useCallback(() => {
    openStore?.flushMessages();
    void saver?.flush();
  }, [saver, openStore]);

  const status = useSaveStatus(saver);
  const [toolbar, setToolbar] = useState<HTMLDivElement | null>(null);
  const [body, setBody] = useState<HTMLDivElement | null>(null);
  useToolbarHeight(toolbar);
  const fit = useFitSheet(body, open?.store.template.page.widthTwips ?? 0);
  // 指标库 suggestions for this form: its unit's own indicators come first.
  const suggest = useCallback<SuggestFn>((q) => api['library.suggest']({ ...q, formId }), [formId]);

  useEffect(() => {
    if (open?.restoredDraft) notifyOk('已恢复上次未保存的内容，正在保存。', '未丢失');
  }, [open]);

  // The template's cross-form checks compare with the other forms of the same unit and year.
  const relatedKey = open ? `${open.record.id}|${open.record.year}|${open.record.unit}` : '';
  useEffect(() => {
    if (!openStore || !relatedKey) return;
    if (!openStore.template.rules.some((r) => r.type === 'crossEqual' || r.type === 'crossSumAtMost')) return;
    let live = true;
    api['forms.related']({ id: Number(relatedKey.split('|')[0]) }).then(
      (list) => live && openStore.setRelated(list),
      () => {}, // the checks that compare forms are skipped; the form itself is still checked
    );
    return () => {
      live = false;
    };
  }, [openStore, relatedKey]);
  // Last year's targets and 自评 results beside the rows; the history columns filled from the store.
  const lastYear = useLastYear(openStore, relatedKey, open?.record.status === 'final');

  if (error)
    return (
      <Alert color="red" m="md" title="打不开这份申报表">
        {error}
        <Group mt="xs">
          <Button size="xs" variant="default" onClick={reload}>
            重试
          </Button>
        </Group>
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
  const name = `${record.year}年 ${record.title || untitled(store.template)}`;

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
    const s = open.saver.status;
    if (s.state === 'conflict') throw new Error('表单已在别处修改，您的修改还没有保存。请先在表格上方选择保留还是放弃您的修改');
    if (s.state === 'error') throw new Error(`请先处理保存失败的问题：${s.message}`);
  };

  const exportWord = () =>
    run('导出 Word', async () => {
      await saveFirst();
      const file = await api['export.docx']({ id: record.id });
      const saved = await saveFile(file, 'docx');
      if (saved) notifyOk(`已导出：${saved}`);
      if (file.dropped.length) notifyError(new Error(file.dropped.join('；')), '以下内容没有写入 Word');
    });

  const exportExcel = () =>
    run('导出 Excel', async () => {
      await saveFirst();
      const file = await api['export.formXlsx']({ id: record.id });
      const saved = await saveFile(file, 'xlsx');
      if (saved) notifyOk(`已导出：${saved}`);
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

  const finalizeNow = async () => {
    await api['forms.finalize']({ id: record.id });
    setDialog(null);
    onListChanged();
    reload();
  };

  /** With errors left, the clerk sees them and is asked first (FinalizeDialog). */
  const finalize = () =>
    run('定稿', async () => {
      await saveFirst();
      store.flushMessages();
      if (store.messages().some((m) => m.severity === 'error')) setDialog('finalize');
      else await finalizeNow();
    });

  /** Throws into the confirmation dialog, which shows the message and stays open. */
  const remove = async () => {
    await saveFirst();
    await api['forms.delete']({ id: record.id });
    setDialog(null);
    notifyOk(`「${name}」已移到回收站，需要时可在「回收站」中恢复。`);
    onListChanged();
    onOpen(null);
  };

  return (
    <div className="editor">
      <div className="editor-toolbar no-print" ref={setToolbar}>
        <div className="editor-toolbar-row">
          <Text fw={700} className="editor-name" title={record.unit && record.unit !== record.title ? `${name}（${record.unit}）` : name}>
            {name}
          </Text>
          {final ? (
            <Badge color="gray" className="editor-badge">
              已定稿
            </Badge>
          ) : (
            <Badge color="blue" variant="light" className="editor-badge">
              草稿
            </Badge>
          )}
          {!final && <SaveStatus saver={open.saver} />}
          {!final && <UndoButtons open={open} />}
          <div className="editor-toolbar-gap" />
          <Button size={BTN} variant="default" onClick={() => setDialog('newYear')} title="以这份表为底稿，生成下一年度的草稿">
            生成下一年度
          </Button>
          <Button size={BTN} variant="default" onClick={() => setDialog('compare')}>
            年度对比
          </Button>
          <Button size={BTN} variant="default" loading={busy === '导出 Word'} onClick={exportWord}>
            导出 Word
          </Button>
          <Button
            size={BTN}
            variant="default"
            loading={busy === '导出 Excel'}
            title="把这份表的表格导出为 Excel 工作簿（.xlsx）"
            onClick={exportExcel}
          >
            导出 Excel
          </Button>
          <Button size={BTN} variant="default" loading={busy === '打印'} onClick={print}>
            打印
          </Button>
          {isDesktop() && (
            <Button size={BTN} variant="default" loading={busy === '导出 PDF'} onClick={exportPdf}>
              导出 PDF
            </Button>
          )}
          <Button
            size={BTN}
            variant="default"
            onClick={() =>
              status?.state === 'conflict' ? setDialog('revisions') : void saveFirst().then(() => setDialog('revisions'), notifyError)
            }
          >
            历史版本
          </Button>
          {final ? (
            <Button size={BTN} color="orange" onClick={() => setDialog('unlock')}>
              解除定稿
            </Button>
          ) : (
            <Button size={BTN} color="teal" loading={busy === '定稿'} onClick={finalize}>
              定稿
            </Button>
          )}
          <Button size={BTN} variant="subtle" color="red" onClick={() => setDialog('delete')}>
            删除
          </Button>
        </div>
        <StageBar
          formId={record.id}
          template={store.template}
          revision={record.revision}
          beforeCreate={saveFirst}
          onOpen={(id) => onOpen(id)}
          onListChanged={onListChanged}
        />
        <OriginalFileLine formId={record.id} revision={record.revision} />
        <LightsStrip store={store} />
        {!final && status?.state === 'error' && <SaveErrorLine message={status.message} onRetry={() => void open.saver.flush()} />}
        {!final && status?.state === 'conflict' && <ConflictAlert open={open} onReload={reload} onHistory={() => setDialog('revisions')} />}
        {final && (
          <Alert color="gray" mt="xs" p="xs" data-testid="final-banner">
            这份申报表已定稿，只能查看、导出和打印。需要修改时请点「解除定稿」。
          </Alert>
        )}
      </div>
      <div className={`editor-body${fit.panelOpen ? '' : ' panel-folded'}`} ref={setBody}>
        <div className="sheet-scroll">
          <div className="sheet-zoom" style={fit.zoom < 1 ? { zoom: fit.zoom } : undefined} data-zoom={fit.zoom}>
            <LastYearContext.Provider value={lastYear}>
              <PaperForm store={store} readOnly={final} onLeaveCell={onLeaveCell} suggest={suggest} />
            </LastYearContext.Provider>
          </div>
        </div>
        <MessagesPanel store={store} folded={!fit.panelOpen} onToggle={fit.toggle} />
      </div>
      {dialog === 'newYear' && (
        <NewYearDialog
          record={record}
          template={store.template}
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
      {dialog === 'compare' && (
        <CompareView
          formId={record.id}
          template={store.template}
          saveFirst={final ? async () => {} : saveFirst}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'finalize' && (
        <FinalizeDialog
          template={store.template}
          errors={store.messages().filter((m) => m.severity === 'error')}
          warnings={store.messages().filter((m) => m.severity !== 'error').length}
          onClose={() => setDialog(null)}
          onConfirm={finalizeNow}
        />
      )}
      {dialog === 'delete' && (
        <ConfirmDialog title="移到回收站" confirmLabel="移到回收站" onClose={() => setDialog(null)} onConfirm={remove}>
          把「{name}」移到回收站？
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
