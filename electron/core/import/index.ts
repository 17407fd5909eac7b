/** Import of Word and Excel files of forms: safe reading, our exports exactly, hand-made ones by their tables. */
export { readDocxForm, readDocxForms, DEFAULT_TIMEOUT_MS, type ReadResult } from './readDocx';
export { previewImport, commitImport, findConflict, storeTemplates, type CommitOutcome } from './commit';
export { MAX_ARCHIVE_BYTES, MAX_ENTRIES, MAX_UNCOMPRESSED_BYTES } from './zipReader';
