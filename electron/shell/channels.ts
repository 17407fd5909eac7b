/**
 * The contract's channel names without zod: the sandboxed preload can only require 'electron',
 * so it gets this list bundled instead of shared/contract.ts. The `satisfies` below and
 * test/shell/channels.test.ts keep it equal to the contract.
 */
import type { Channel } from '../../shared/contract';

export const CHANNEL_NAMES = [
  'app.info',
  'forms.list',
  'forms.page',
  'forms.get',
  'forms.create',
  'forms.save',
  'forms.finalize',
  'forms.unlock',
  'forms.delete',
  'forms.revisions',
  'forms.related',
  'forms.restoreRevision',
  'forms.newYearPreview',
  'forms.newYear',
  'forms.stages',
  'forms.newStage',
  'trash.list',
  'trash.restore',
  'trash.empty',
  'export.docx',
  'export.blankDocx',
  'compare.get',
  'compare.docx',
  'library.suggest',
  'library.list',
  'library.save',
  'library.remove',
  'library.export',
  'library.import',
  'export.formXlsx',
  'summary.run',
  'summary.progress',
  'summary.xlsx',
  'summary.docx',
  'templates.list',
  'templates.import',
  'templates.export',
  'templates.remove',
  'templates.fromBlank',
  'templates.save',
  'import.read',
  'import.commit',
  'forms.original',
  'backup.create',
  'backup.restore',
  'files.saveAs',
  'files.saveMany',
  'files.open',
  'print.pdf',
  'print.print',
] as const satisfies readonly Channel[];

// Fails to compile when the contract gains a channel this list lacks.
type Missing = Exclude<Channel, (typeof CHANNEL_NAMES)[number]>;
export const NO_CHANNEL_MISSING: [Missing] extends [never] ? true : Missing = true;
