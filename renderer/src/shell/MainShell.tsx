/** The window: actions on top, the year list on the left, the open form (or the 汇总) in the middle. */
import { AppShell, Button, Group, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { FormSummary } from '../../../shared/contract';
import type { FormData } from '../../../shared/form';
import type { TemplateDef } from '../../../shared/template/schema';
import { api } from '../api';
import { openFiles, saveFile, type FilePayload } from '../api/files';
import { Editor } from '../editor/Editor';
import { flushOpenForms } from '../editor/useOpenForm';
import { PrintSheet } from '../print/PrintSheet';
import { SummaryView } from '../summary/SummaryView';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ExportManyDialog, MAX_EXPORT_MANY } from './dialogs/ExportManyDialog';
import { ImportDialog } from './dialogs/ImportDialog';
import { LibraryDialog } from './dialogs/LibraryDialog';
import { NewFormDialog } from './dialogs/NewFormDialog';
import { TemplatesDialog } from './dialogs/TemplatesDialog';
import { TrashDialog } from './dialogs/TrashDialog';
import { useTemplates } from '../templates/TemplatesContext';
import { FormList } from './FormList';
import { notifyError, notifyOk } from '../ui/notify';
import { useStartupNotices } from './startupNotices';
import './shell.css';

type Dialog =
  | { kind: 'new' }
  | { kind: 'import'; files: FilePayload[] }
  | { kind: 'restore'; file: FilePayload }
  | { kind: 'trash' }
  | { kind: 'templates' }
  | { kind: 'library' }
  | { kind: 'exportMany'; forms: FormSummary[] }
  | null;

export function MainShell({
  formId,
  summary = false,
  onOpen,
  onSummary,
}: {
  formId: number | null;
  /** 汇总 is shown instead of the form; once shown it stays in the page, hidden, so that it keeps its state. */
  summary?: boolean;
  onOpen(id: number | null): void;
  onSummary?(): void;
}) {
  const [picked, setPicked] = useState<Map<number, FormSummary>>(() => new Map());
  const [listKey, setListKey] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [printing, setPrinting] = useState<{ template: TemplateDef; data: FormData } | null>(null);
  const [editorKey, setEditorKey] = useState(0);
  const refreshList = useCallback(() => setListKey((k) => k + 1), []);
  const [summaryMounted, setSummaryMounted] = useState(summary);
  useEffect(() => {
    if (summary) setSummaryMounted(true);
  }, [summary]);
  const templates = useTemplates();
  useStartupNotices();

  useEffect(() => {
    if (!printing) return;
    document.body.classList.add('printing-form');
    const done = () => {
      document.body.classList.remove('printing-form');
      setPrinting(null);
    };
    window.addEventListener('afterprint', done, { once: true });
    const frame = requestAnimationFrame(() => window.print());
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('afterprint', done);
      document.body.classList.remove('printing-form');
    };
  }, [printing]);

  const exportPicked = useCallback((chosen: FormSummary[]) => {
    if (chosen.length > MAX_EXPORT_MANY)
      notifyError(
        new Error(`一次最多导出 ${MAX_EXPORT_MANY} 份，现在选了 ${chosen.length} 份。请少选一些，分几次导出。`),
        '导出所选没有开始',
      );
    else setDialog({ kind: 'exportMany', forms: chosen });
  }, []);

  const onPrint = useCallback((template: TemplateDef, data: FormData) => setPrinting({ template, data }), []);

  async function importFiles() {
    try {
      const files = await openFiles('docx', true);
      if (files.length) setDialog({ kind: 'import', files });
    } catch (e) {
      notifyError(e, '导入没有完成');
    }
  }

  async function backup() {
    try {
      const file = await api['backup.create']({});
      const saved = await saveFile(file, 'backup');
      if (saved) notifyOk(`已备份 ${file.manifest.formCount} 份申报表：${saved}`);
    } catch (e) {
      notifyError(e, '备份没有完成');
    }
  }

  async function pickBackup() {
    try {
      const [file] = await openFiles('backup', false);
      if (file) setDialog({ kind: 'restore', file });
    } catch (e) {
      notifyError(e, '恢复没有完成');
    }
  }

  /** Throws (shown in the confirmation) when the backup cannot be restored. */
  async function restore(file: FilePayload) {
    // What is being typed goes into the database first: it is then in the automatic pre-restore backup.
    await flushOpenForms();
    onOpen(null);
    const r = await api['backup.restore'](file);
    setDialog(null);
    notifyOk(
      `已恢复 ${r.manifest.formCount} 份申报表（备份于 ${new Date(r.manifest.createdAt).toLocaleString('zh-CN', { hour12: false })}）。恢复前的数据已自动另存一份备份。`,
      '恢复完成',
    );
    // The backup brings its own imported templates.
    await templates.reload();
    refreshList();
    setEditorKey((k) => k + 1);
  }

  return (
    <>
      <AppShell header={{ height: 52 }} navbar={{ width: 280, breakpoint: 0 }} padding={0} className="no-print-shell">
        <AppShell.Header className="no-print">
          <Group h="100%" px="md" gap="xs">
            <Title order={4} mr="md">
              绩效目标申报
            </Title>
            <Button size="xs" onClick={() => setDialog({ kind: 'new' })}>
              新建
            </Button>
            <Button size="xs" variant="default" onClick={() => void importFiles()}>
              导入
            </Button>
            <Button
              size="xs"
              variant={summary ? 'filled' : 'default'}
              color={summary ? 'indigo' : undefined}
              aria-pressed={summary}
              title="按年度汇总全部申报表：金额合计、检查结果，导出 Excel 和 Word"
              onClick={() => onSummary?.()}
            >
              汇总
            </Button>
            <div style={{ flex: 1 }} />
            <Button size="xs" variant="default" onClick={() => void backup()}>
              备份
            </Button>
            <Button size="xs" variant="default" onClick={() => void pickBackup()}>
              恢复
            </Button>
            <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'trash' })}>
              回收站
            </Button>
            <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'library' })}>
              指标库
            </Button>
            <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'templates' })}>
              表样管理
            </Button>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" className="no-print">
          <FormList
            selected={formId}
            refreshKey={listKey}
            onSelect={onOpen}
            picked={picked}
            onPick={setPicked}
            onExportPicked={exportPicked}
          />
        </AppShell.Navbar>
        <AppShell.Main className="main-area">
          {summaryMounted && (
            <div hidden={!summary}>
              <SummaryView onOpenForm={onOpen} shown={summary} />
            </div>
          )}
          {summary ? null : formId === null ? (
            <Text c="dimmed" p="xl" ta="center">
              从左侧选择一份申报表，或点「新建」「导入」开始。
            </Text>
          ) : (
            <Editor key={`${formId}-${editorKey}`} formId={formId} onOpen={onOpen} onListChanged={refreshList} onPrint={onPrint} />
          )}
        </AppShell.Main>
      </AppShell>
      {printing && (
        <div className="print-only">
          <PrintSheet template={printing.template} data={printing.data} />
        </div>
      )}
      {dialog?.kind === 'new' && (
        <NewFormDialog
          onClose={() => setDialog(null)}
          onCreated={(id) => {
            setDialog(null);
            refreshList();
            onOpen(id);
          }}
        />
      )}
      {dialog?.kind === 'import' && (
        <ImportDialog
          files={dialog.files}
          onClose={() => setDialog(null)}
          onImported={(id) => {
            refreshList();
            if (id !== null) onOpen(id);
          }}
        />
      )}
      {dialog?.kind === 'restore' && (
        <ConfirmDialog
          title="从备份恢复"
          confirmLabel="确认恢复"
          color="orange"
          onClose={() => setDialog(null)}
          onConfirm={() => restore(dialog.file)}
        >
          用备份文件「{dialog.file.fileName}」替换现在的全部申报表？
          <br />
          现在的数据会先自动另存一份备份，恢复后如有需要仍可找回。
        </ConfirmDialog>
      )}
      {dialog?.kind === 'exportMany' && (
        <ExportManyDialog
          forms={dialog.forms}
          onClose={(done) => {
            setDialog(null);
            if (done) setPicked(new Map());
          }}
        />
      )}
      {dialog?.kind === 'library' && <LibraryDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'templates' && <TemplatesDialog onClose={() => setDialog(null)} onChanged={refreshList} />}
      {dialog?.kind === 'trash' && (
        <TrashDialog
          onClose={() => setDialog(null)}
          onChanged={(id) => {
            refreshList();
            if (id !== undefined) onOpen(id);
          }}
        />
      )}
    </>
  );
}
