/** Focus an input by its accessible name once React has rendered the list change. */
export function focusLabelLater(root: HTMLElement | null, label: string, atEnd = true): void {
  requestAnimationFrame(() => {
    const el = root?.querySelector<HTMLTextAreaElement | HTMLInputElement>(`[aria-label="${CSS.escape(label)}"]`);
    if (!el) return;
    el.focus();
    if (atEnd) el.setSelectionRange(el.value.length, el.value.length);
  });
}
