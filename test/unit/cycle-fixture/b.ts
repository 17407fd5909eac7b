import { a } from './a';
export const b = (): number => (a.length ? 1 : 0);
