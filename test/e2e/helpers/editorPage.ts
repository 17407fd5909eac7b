/** Small page helpers for the editor tests and benchmark, by accessible names only. */
import type { Locator, Page } from 'playwright-core';

export const cell = (page: Page, label: string): Locator => page.getByRole('textbox', { name: label, exact: true });

export async function openForm(page: Page, url: string, id: number): Promise<void> {
  await page.goto(`${url}#/form/${id}`);
  await page.getByTestId('paper-table').waitFor();
}

/** Waits until autosave reports 已保存. */
export async function waitSaved(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') === 'saved', null, {
    timeout,
  });
}

/** Puts the caret at the end of a text cell. */
export async function caretAtEnd(loc: Locator): Promise<void> {
  await loc.focus();
  await loc.evaluate((el: HTMLInputElement | HTMLTextAreaElement) => el.setSelectionRange(el.value.length, el.value.length));
}
