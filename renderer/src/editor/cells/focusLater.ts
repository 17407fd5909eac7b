import { flushSync } from 'react-dom';

/**
 * Focus an input by its accessible name once React has rendered the list change. The change is
 * drawn at once (flushSync) and the caret moved in the same task, so a key pressed right after
 * Enter lands in the new item, not the one before; a frame later only if it is not there yet.
 */
export function focusLabelLater(root: HTMLElement | null, label: string, atEnd = true): void {
  const focus = () => {
    const el = root?.querySelector<HTMLTextAreaElement | HTMLInputElement>(`[aria-label="${CSS.escape(label)}"]`);
    if (!el) return false;
    el.focus();
    if (atEnd) el.setSelectionRange(el.value.length, el.value.length);
    return true;
  };
  flushSync(() => {});
  if (!focus()) requestAnimationFrame(focus);
}
