/** Moves the caret to a field's input: its own, its first indicator item, or its add button. */
export function focusFieldIn(root: ParentNode, id: string): void {
  const el =
    root.querySelector<HTMLElement>(`[data-field="${id}"]`) ??
    root.querySelector<HTMLElement>(`[data-item-of="${id}"]`) ??
    root.querySelector<HTMLElement>(`[data-cell="${id}"] button`);
  if (!el) return;
  el.scrollIntoView?.({ block: 'center' });
  el.focus();
}
