/**
 * 年度对比 of the open form: a full-window view of what changed since last year's form of the
 * same identity (or since another form of the same template, chosen with 「与其他表单对比…」),
 * printed on A4 with the browser's print, or exported as a Word document (compare.docx).
 * Without a last-year form the core's Chinese message is shown with the choice of another form.
 */
import { Alert, Button, Group, Loader, Modal, NativeSelect, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { FormSummary } from '../../../shared/contract';
import type { TemplateDef } from '../../../shared/template/schema';
import { api } from '../api';
import { saveFile } from '../api/files';
import { errorText, notifyOk } from '../ui/notify';
import { ComparisonReport, type Comparison } from './ComparisonReport';
import './compare.css';

export interface CompareViewProps {
  formId: number;
  template: TemplateDef;
  /** Saves what is being typed first (the comparison reads the stored form); throws when it cannot. */
  saveFirst(): Promise<void>;
  onClose(): void;
}

const formName = (f: FormSummary) =>
  `${f.year}年 ${f.title || '（未命名）'}${f.unit && f.unit !== f.title ? `（${f.unit}）` : ''}（编号 ${f.id}）`;

export function CompareView({ formId, template, saveFirst, onClose }: CompareViewProps) {
  const [against, setAgainst] = useState<number | undefined>(undefined);
  const [result, setResult] = useState<{ c: Comparison } | { error: string } | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [others, setOthers] = useState<FormSummary[] | null>(null);
  const [busy, setBusy] = useState<'docx' | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    let live = true;
    setResult(null);
    saveFirst()
      .then(() => api['compare.get']({ id: formId, against }))
      .then(
        (c) => live && setResult({ c }),
        (e: unknown) => live && setResult({ error: errorText(e) }),
      );
    return () => {
      live = false;
    };
    // saveFirst is the editor's for the open form: a new function each render, not a new form.
  }, [formId, against]);

  // The forms that can be compared with: the same template, any year, not this one.
  const wantOthers = choosing || (result !== null && 'error' in result);
  useEffect(() => {
    if (!wantOthers || others) return;
    let live = true;
    api['forms.list']({ templateId: template.id }).then(
      (list) => live && setOthers(list.filter((f) => f.id !== formId && f.deletedAt === null)),
      (e: unknown) => live && setActionError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [wantOthers, others, template.id, formId]);

  useEffect(() => {
    if (!printing) return;
    document.body.classList.add('printing-compare');
    const done = () => {
      document.body.classList.remove('printing-compare');
      setPrinting(false);
    };
    window.addEventListener('afterprint', done, { once: true });
    const frame = requestAnimationFrame(() => window.print());
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('afterprint', done);
      document.body.classList.remove('printing-compare');
    };
  }, [printing]);

  async function exportWord() {
    setBusy('docx');
    setActionError(null);
    try {
      const file = await api['compare.docx']({ id: formId, against });
      const saved = await saveFile(file, 'docx');
      if (saved) notifyOk(`已导出年度对比：${saved}`);
    } catch (e) {
      setActionError(errorText(e));
    } finally {
      setBusy(null);
    }
  }

  const c = result && 'c' in result ? result.c : null;
  const error = result && 'error' in result ? result.error : null;
  const toggle = (g: string) => setExpanded((o) => ({ ...o, [g]: !o[g] }));

  const chooser = (
    <NativeSelect
      aria-label="与其他表单对比"
      size="xs"
      w={360}
      data-autofocus
      value={against === undefined ? '' : String(against)}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setAgainst(v ? Number(v) : undefined);
        if (v) setChoosing(false);
      }}
      data={[
        { value: '', label: others === null ? '正在读取表单列表……' : others.length ? '选择要对比的表单……' : '没有同一种表的其他表单' },
        ...(others ?? []).map((f) => ({ value: String(f.id), label: formName(f) })),
      ]}
    />
  );

  return (
    <>
      <Modal opened fullScreen onClose={onClose} title="年度对比" classNames={{ body: 'cmp-modal-body' }} transitionProps={{ duration: 0 }}>
        <div className="cmp-toolbar no-print">
          <Group gap="xs" wrap="wrap">
            {choosing || error ? (
              chooser
            ) : (
              <Button size="xs" variant="default" onClick={() => setChoosing(true)}>
                与其他表单对比…
              </Button>
            )}
            {against !== undefined && (
              <Button size="xs" variant="subtle" onClick={() => setAgainst(undefined)}>
                改回与上年对比
              </Button>
            )}
            <div style={{ flex: 1 }} />
            <Button size="xs" variant="default" disabled={!c} onClick={() => setPrinting(true)}>
              打印
            </Button>
            <Button size="xs" variant="default" disabled={!c} loading={busy === 'docx'} onClick={() => void exportWord()}>
              导出 Word
            </Button>
            <Button size="xs" variant="default" onClick={onClose}>
              关闭
            </Button>
          </Group>
          {actionError && (
            <Alert color="red" mt="xs" p="xs" data-testid="compare-action-error">
              {actionError}
            </Alert>
          )}
        </div>
        {result === null && (
          <Group justify="center" p="xl">
            <Loader size="sm" />
            <Text size="sm">正在对比……</Text>
          </Group>
        )}
        {error && (
          <Alert color="orange" m="md" title="无法对比" data-testid="compare-error">
            {error}
            <Text size="sm" mt={6}>
              可以在上方「与其他表单对比」中选一份同一种表的表单来对比。
            </Text>
          </Alert>
        )}
        {c && (
          <div className="cmp-page">
            <ComparisonReport c={c} template={template} expanded={expanded} onToggle={toggle} />
          </div>
        )}
      </Modal>
      {printing &&
        c &&
        createPortal(
          <div className="compare-print">
            <style>{'@page { size: A4 portrait; margin: 18mm 16mm; }'}</style>
            <ComparisonReport c={c} template={template} expanded={expanded} onToggle={toggle} />
          </div>,
          document.body,
        )}
    </>
  );
}
