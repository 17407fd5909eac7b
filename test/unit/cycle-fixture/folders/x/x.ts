/** Half of a folder-level cycle, for importCycles.test.ts. */
import { y } from '../y/y';

export const x = (): string => 'x' + y.length;
