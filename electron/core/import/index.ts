/** Import of Word files of a form: safe reading, our exports exactly, hand-made ones by their table. */
export { readDocxForm, readDocxForms, DEFAULT_TIMEOUT_MS, type ReadResult } from './readDocx';
export { previewImport, commitImport, findConflict, storeTemplates, type CommitOutcome } from './commit';
export { MAX_ARCHIVE_BYTES, MAX_ENTRIES, MAX_UNCOMPRESSED_BYTES } from './zipReader';
