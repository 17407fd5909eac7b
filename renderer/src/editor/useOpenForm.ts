/**
 * Loads a form, restores an unsaved draft typed on top of its newest revision, and wires the
 * autosave; flushes it when the form is closed or the page goes away.
 */
import { useEffect, useState } from 'react';
import type { FormRecord } from '../../../shared/contract';
import { getTemplate } from '../../../shared/templates';
import { api } from '../api';
import { Autosaver } from './autosave';
import { clearDraft, draftToRestore } from './drafts';
import { FormStore } from './formStore';

export interface OpenForm {
  record: FormRecord;
  store: FormStore;
  saver: Autosaver;
  restoredDraft: boolean;
}

export function openForm(record: FormRecord, onSaved: (r: FormRecord) => void): OpenForm {
  const template = getTemplate(record.templateId);
  const draft = record.status === 'draft' ? draftToRestore(record.id, record.revision) : null;
  if (record.status === 'final') clearDraft(record.id);
  const store = new FormStore(template, draft ? draft.data : record.data);
  const saver = new Autosaver(store, record.id, record.revision, (i) => api['forms.save'](i), onSaved, new Date(record.updatedAt));
  if (draft) saver.markDirty();
  return { record, store, saver, restoredDraft: draft !== null };
}

/** Savers of the forms open right now, so a whole-database action (恢复) can save them first. */
const openSavers = new Set<Autosaver>();

/** Saves every open form now; rejects when one cannot be saved, so nothing typed is overwritten. */
export async function flushOpenForms(): Promise<void> {
  for (const saver of openSavers) {
    await saver.flush();
    if (saver.status.state === 'error') throw new Error(`正在编辑的申报表没有保存成功：${saver.status.message}。请先处理后再试`);
  }
}

export function useOpenForm(id: number | null, reloadKey: number) {
  const [open, setOpen] = useState<OpenForm | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (id === null) {
      setOpen(null);
      return;
    }
    let cancelled = false;
    let current: OpenForm | null = null;
    setError(null);
    api['forms.get']({ id }).then(
      (record) => {
        if (cancelled) return;
        current = openForm(record, (saved) => setOpen((o) => (o && o.record.id === saved.id ? { ...o, record: saved } : o)));
        openSavers.add(current.saver);
        setOpen(current);
      },
      (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
    );
    const flush = () => {
      current?.saver.writeDraftNow();
      void current?.saver.flush();
    };
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      cancelled = true;
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onHidden);
      if (current) {
        const c = current;
        void c.saver.flush().finally(() => {
          c.saver.dispose();
          openSavers.delete(c.saver);
        });
      }
    };
  }, [id, reloadKey]);

  return { open, error, setOpen };
}
