/** The other half of a folder-level cycle, for importCycles.test.ts (no file-level cycle). */
import { other } from '../x/other';

export const y = other;
