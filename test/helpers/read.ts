import { readDocxForm, type ReadResult } from '../../electron/core/import';
import type { TemplateDef } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';

/** Reads a Word file as the app does, knowing the built-in templates (and any extra ones). */
export function readDocx(bytes: Uint8Array, opts: { timeoutMs?: number; extra?: readonly TemplateDef[] } = {}): Promise<ReadResult> {
  return readDocxForm(bytes, { timeoutMs: opts.timeoutMs, templates: [...BUILTIN_TEMPLATES, ...(opts.extra ?? [])] });
}
