/**
 * 导出所选: a Word file for each chosen form. Desktop: every file is made first, then one folder
 * dialog saves them all (files.saveMany numbers a repeated name). Browser mode: each file is
 * downloaded as soon as it is made, one after another. A form that cannot be exported is listed
 * with the reason and never stops the others; 停止 stops after the form being made.
 */
import { Alert, Button, Group, List, Modal, Progress, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { FormSummary } from '../../../../shared/contract';
import { api, isDesktop } from '../../api';
import { saveFile, type FilePayload } from '../../api/files';
import { flushOpenForms } from '../../editor/useOpenForm';
import { errorText } from '../../ui/notify';

/** What files.saveMany takes at once. */
export const MAX_EXPORT_MANY = 500;
/** Browsers may refuse downloads that come too close together. */
const DOWNLOAD_GAP_MS = 250;

export interface ExportProblem {
  title: string;
  message: string;
}

export interface ExportOutcome {
  /** Files saved (desktop) or downloaded (browser). */
  saved: number;
  /** The folder they went to (desktop), null when the folder dialog was cancelled. */
  folder?: string | null;
  failed: ExportProblem[];
  /** Content a form has that the Word file could not hold. */
  dropped: ExportProblem[];
  stopped: boolean;
}

type Phase = { step: 'making' | 'saving'; done: number; current: string } | { step: 'done'; outcome: ExportOutcome };

const nameOf = (f: FormSummary) => `${f.year}年 ${f.title || '（未填名称）'}`;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The summary in one sentence (and the lists below it). */
export function outcomeText(o: ExportOutcome, total: number, desktop: boolean): string {
  const parts: string[] = [];
  if (desktop && o.folder === null && o.saved === 0 && total > o.failed.length) parts.push('没有选择文件夹，文件没有保存。');
  else if (o.saved > 0)
    parts.push(desktop ? `已把 ${o.saved} 份申报表导出到文件夹「${o.folder ?? ''}」。` : `已下载 ${o.saved} 份申报表的 Word 文件。`);
  else parts.push('没有导出任何申报表。');
  if (o.stopped) parts.push('导出已停止，其余的没有导出。');
  if (o.failed.length) parts.push(`${o.failed.length} 份没有导出，原因见下。`);
  return parts.join('');
}

export function ExportManyDialog({ forms, onClose }: { forms: readonly FormSummary[]; onClose(done: boolean): void }) {
  const desktop = isDesktop();
  const [phase, setPhase] = useState<Phase>({ step: 'making', done: 0, current: '' });
  const stop = useRef(false);
  const started = useRef(false);
  const total = forms.length;

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      const failed: ExportProblem[] = [];
      const dropped: ExportProblem[] = [];
      const files: FilePayload[] = [];
      let saved = 0;
      let folder: string | null | undefined;
      try {
        // What is being typed in the open form goes into the database first.
        await flushOpenForms();
      } catch (e) {
        failed.push({ title: '正在编辑的申报表', message: errorText(e) });
      }
      for (let i = 0; i < forms.length && !stop.current; i++) {
        const f = forms[i];
        setPhase({ step: 'making', done: i, current: nameOf(f) });
        try {
          const file = await api['export.docx']({ id: f.id });
          if (file.dropped.length) dropped.push({ title: nameOf(f), message: file.dropped.join('；') });
          if (desktop) files.push({ fileName: file.fileName, data: file.data });
          else {
            if (saved > 0) await pause(DOWNLOAD_GAP_MS);
            await saveFile(file, 'docx');
            saved++;
          }
        } catch (e) {
          failed.push({ title: nameOf(f), message: errorText(e) });
        }
      }
      if (desktop && files.length) {
        setPhase({ step: 'saving', done: total, current: '' });
        try {
          const r = await api['files.saveMany']({ kind: 'docx', files });
          saved = r.saved;
          folder = r.folder;
        } catch (e) {
          failed.push({ title: `保存 ${files.length} 个文件`, message: errorText(e) });
        }
      }
      setPhase({ step: 'done', outcome: { saved, folder, failed, dropped, stopped: stop.current } });
    })();
  }, [forms, desktop, total]);

  const done = phase.step === 'done';
  return (
    <Modal
      opened
      onClose={() => done && onClose(phase.outcome.failed.length === 0 && !phase.outcome.stopped && phase.outcome.saved > 0)}
      title={`导出所选（${total} 份）`}
      closeOnClickOutside={done}
      closeOnEscape={done}
      withCloseButton={done}
    >
      <div data-testid="export-many">
        {!done ? (
          <>
            <Text size="sm" mb="xs" role="status" aria-live="polite">
              {phase.step === 'saving'
                ? `已生成 ${total} 份，请选择保存的文件夹……`
                : `正在导出第 ${phase.done + 1} / ${total} 份：${phase.current}`}
            </Text>
            <Progress value={(phase.done / Math.max(1, total)) * 100} mb="sm" aria-label="导出进度" />
            {!desktop && (
              <Text size="xs" c="dimmed" mb="xs">
                每份表下载为一个 Word 文件。浏览器如果询问是否允许此网页下载多个文件，请选择「允许」。
              </Text>
            )}
            <Group justify="flex-end">
              <Button size="xs" variant="default" disabled={phase.step === 'saving'} onClick={() => (stop.current = true)}>
                停止
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Alert
              color={phase.outcome.failed.length ? 'orange' : phase.outcome.saved ? 'green' : 'gray'}
              mb="xs"
              data-testid="export-many-summary"
            >
              {outcomeText(phase.outcome, total, desktop)}
            </Alert>
            {phase.outcome.failed.length > 0 && (
              <>
                <Text size="sm" fw={600}>
                  没有导出的申报表：
                </Text>
                <List size="sm" mb="xs" data-testid="export-many-failed">
                  {phase.outcome.failed.map((p, i) => (
                    <List.Item key={i}>
                      {p.title}：{p.message}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
            {phase.outcome.dropped.length > 0 && (
              <>
                <Text size="sm" fw={600}>
                  以下内容没有写入 Word：
                </Text>
                <List size="sm" mb="xs">
                  {phase.outcome.dropped.map((p, i) => (
                    <List.Item key={i}>
                      {p.title}：{p.message}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
            <Group justify="flex-end">
              <Button
                size="xs"
                onClick={() => onClose(phase.outcome.failed.length === 0 && !phase.outcome.stopped && phase.outcome.saved > 0)}
              >
                关闭
              </Button>
            </Group>
          </>
        )}
      </div>
    </Modal>
  );
}
