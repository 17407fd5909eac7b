/**
 * Loads a form with its template (from the registry, by the record's template id and version),
 * restores an unsaved draft typed on top of its newest revision, and wires the autosave;
 * flushes it when the form is closed or the page goes away. A draft typed on an older revision
 * (the form was changed elsewhere before it was saved) opens in the conflict state, so the
 * user chooses between their text and the stored one.
 */
import { useEffect, useRef, useState } from 'react';
import type { FormRecord } from '../../../shared/contract';
import type { FormData } from '../../../shared/form';
import { withComputed } from '../../../shared/formOps';
import type { TemplateRegistry } from '../../../shared/template/registry';
import { api } from '../api';
import { takePrefetched } from './prefetch';
import { Autosaver, STALE_PREFIX } from './autosave';
import { clearDraft, draftToRestore, sameData } from './drafts';
import { FormStore, MESSAGE_PAUSE_MS } from './formStore';

export interface OpenForm {
  record: FormRecord;
  store: FormStore;
  saver: Autosaver;
  restoredDraft: boolean;
}

export function openForm(record: FormRecord, registry: TemplateRegistry, onSaved: (r: FormRecord) => void): OpenForm {
  const template = registry.get(record.templateId, record.templateVersion);
  const same = (a: FormData, b: FormData) => sameData(withComputed(a, template), withComputed(b, template));
  const restore = record.status === 'draft' ? draftToRestore(record.id, record, localStorage, same) : null;
  if (record.status === 'final') clearDraft(record.id);
  const store = new FormStore(template, restore ? restore.draft.data : record.data, { messageDelayMs: MESSAGE_PAUSE_MS });
  const base = restore?.stale ? restore.draft.baseRevision : record.revision;
  const saver = new Autosaver(store, record.id, base, (i) => api['forms.save'](i), onSaved, new Date(record.updatedAt), {
    getNewest: () => api['forms.get']({ id: record.id }),
    same,
  });
  // The page this one replaced may have sent the draft's content as it closed.
  if (restore) saver.remember(restore.draft.data);
  if (restore?.stale)
    saver.markConflict(
      `${STALE_PREFIX}：这里显示的是您上次没有保存成功的修改，它是在第 ${restore.draft.baseRevision} 版上做的，而表单现在已是第 ${record.revision} 版。`,
    );
  else if (restore) saver.markDirty();
  return { record, store, saver, restoredDraft: restore !== null && !restore.stale };
}

/** Savers of the forms open right now, so a whole-database action (恢复) can save them first. */
const openSavers = new Set<Autosaver>();

/** Saves every open form now; rejects when one cannot be saved, so nothing typed is overwritten. */
export async function flushOpenForms(): Promise<void> {
  for (const saver of openSavers) {
    await saver.flush();
    const s = saver.status;
    if (s.state === 'error' || s.state === 'conflict') throw new Error(`正在编辑的申报表没有保存成功：${s.message}。请先处理后再试`);
  }
}

export function useOpenForm(id: number | null, reloadKey: number, registry: TemplateRegistry) {
  const [open, setOpen] = useState<OpenForm | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A new list of templates (one was imported) does not reopen the form being typed in.
  const templates = useRef(registry);
  templates.current = registry;

  useEffect(() => {
    if (id === null) {
      setOpen(null);
      return;
    }
    let cancelled = false;
    let current: OpenForm | null = null;
    setError(null);
    (takePrefetched(id) ?? api['forms.get']({ id }))
      .then((record) => {
        if (cancelled) return;
        current = openForm(record, templates.current, (saved) =>
          setOpen((o) => (o && o.record.id === saved.id ? { ...o, record: saved } : o)),
        );
        openSavers.add(current.saver);
        setOpen(current);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      });
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
