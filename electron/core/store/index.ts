/** The local store (SQLite): forms, history, trash, new year, backup/restore. Plain Node, no Electron. */
export { SCHEMA_VERSION, openStore, restoreDamaged } from './store';
export type { Store, StoreOptions, FormEvent, FormEventKind } from './store';
export { inspectBackup, listBackups, processAlive } from './backupFiles';
export { DamagedDatabaseError } from './openDb';
export { MAX_ORIGINAL_BYTES, notKeptReason, sizeText, type OriginalFile, type OriginalInfo } from './originals';
