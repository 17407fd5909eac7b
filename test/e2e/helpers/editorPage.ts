/** Small page helpers for the editor tests and benchmark, by accessible names only. */
import type { Locator, Page } from 'playwright-core';

export const cell = (page: Page, label: string): Locator => page.getByRole('textbox', { name: label, exact: true });

export async function openForm(page: Page, url: string, id: number): Promise<void> {
  await page.goto(`${url}#/form/${id}`);
  await page.getByTestId('paper-table').waitFor();
}

/** Waits until autosave reports 已保存. */
export async function waitSaved(page: Page, timeout = 10_000): Promise<void> {
  try {
    await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') === 'saved', null, {
      timeout,
    });
  } catch (e) {
    const status = await page
      .evaluate(() => document.querySelector('[data-testid="save-status"]')?.textContent ?? '（没有保存状态）')
      .catch(() => '（读不到）');
    throw new Error(`${(e as Error).message}\nsave status: ${status}`);
  }
}

/** Puts the caret at the end of a text cell. */
export async function caretAtEnd(loc: Locator): Promise<void> {
  await loc.focus();
  await loc.evaluate((el: HTMLInputElement | HTMLTextAreaElement) => el.setSelectionRange(el.value.length, el.value.length));
}

/**
 * A paste as the browser fires it when the clerk presses Ctrl+V after copying cells in Excel:
 * a ClipboardEvent carrying text/plain. Returns whether the editor took it over (the browser's
 * own paste stopped).
 */
export async function pasteInto(loc: Locator, text: string): Promise<boolean> {
  return loc.evaluate((el: HTMLElement, t: string) => {
    el.focus();
    const data = new DataTransfer();
    data.setData('text/plain', t);
    const e = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    return !el.dispatchEvent(e);
  }, text);
}

/** The aria-label of the focused element. */
export const focusedLabel = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

export async function waitFocus(page: Page, label: string): Promise<void> {
  await page.waitForFunction((l) => document.activeElement?.getAttribute('aria-label') === l, label);
}
