/** Hash routes, so the same index.html serves the editor, the 汇总 and the desktop shell's print view. */
export type Route = { view: 'main'; formId: number | null; summary?: boolean } | { view: 'print'; formId: number };

export function parseRoute(hash: string): Route {
  if (hash === '#/summary') return { view: 'main', formId: null, summary: true };
  const m = /^#\/(form|print)\/(\d+)$/.exec(hash);
  if (m && m[1] === 'print') return { view: 'print', formId: Number(m[2]) };
  return { view: 'main', formId: m ? Number(m[2]) : null };
}

export const formHash = (id: number | null): string => (id === null ? '#/' : `#/form/${id}`);
export const SUMMARY_HASH = '#/summary';
