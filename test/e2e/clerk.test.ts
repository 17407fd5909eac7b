/**
 * What a new clerk trips over (issue 26), in real Chromium at the laptop size a county office
 * has (1366×768): the paper fits the window beside the 检查结果 panel, the active cell stays in
 * view, the toolbar keeps its buttons in place through an autosave, 定稿 of a form with errors
 * asks first, and a reload of #/summary shows the 汇总. Screenshots go to test-output/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, importJson, OUTPUT_DIR, ROOT, startEditorEnv, type EditorEnv } from './helpers/app';
import { cell, openForm, waitSaved } from './helpers/editorPage';

let env: EditorEnv;
let page: Page;
let hunanId: number;
let projectId: number;
let dept2015Id: number;
let twoBlockId: number;

const TWO_BLOCK = {
  表: '项目支出绩效目标申报表',
  年度: '2026',
  项目名称: '城乡义务教育学生营养改善计划',
  主管部门及代码: '[051]某县教育局',
  实施单位: '某县第一中学',
  项目期: '2026年－2028年',
  中期资金总额: '300',
  中期财政拨款: '300',
  年度资金总额: '100',
  年度财政拨款: '100',
  中期目标: '三年内保障全体在校学生营养餐供应。',
  年度目标: '全年为在校学生提供营养餐。',
  绩效指标: [
    {
      一级指标: '产出指标',
      中期二级指标: '数量指标',
      中期三级指标: '受益学生人数',
      中期指标值: '≥1200人',
      年度二级指标: '数量指标',
      年度三级指标: '受益学生人数',
      年度指标值: '≥1200人',
    },
  ],
};

const shot = (file: string) => join(OUTPUT_DIR, file);

beforeAll(async () => {
  env = await startEditorEnv();
  page = env.page;
  mkdirSync(OUTPUT_DIR, { recursive: true });
  hunanId = importJson(env.db, join(ROOT, 'test/fixtures/bumen-hunan-2023-example.json'));
  projectId = importJson(env.db, join(ROOT, 'test/fixtures/xiangmu-2025-tiyu.json'));
  dept2015Id = importJson(env.db, join(ROOT, 'test/fixtures/bumen-2015-example.json'));
  // The two-block project form (中期 and 年度) has no fixture of its own: a small one.
  const twoBlock = join(env.dir, 'xiangmu-2015.json');
  writeFileSync(twoBlock, JSON.stringify(TWO_BLOCK));
  twoBlockId = importJson(env.db, twoBlock);
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  await env?.dispose();
});

/** Where the paper, its scroller, the checks panel and the toolbar are, in CSS pixels of the window. */
function geometry(p: Page) {
  return p.evaluate(() => {
    const box = (sel: string) => {
      const el = document.querySelector(sel);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
    };
    const scroller = document.querySelector('.sheet-scroll')!;
    return {
      window: window.innerWidth,
      sheet: box('[data-testid="sheet"]')!,
      panel: box('[data-testid="messages-panel"]'),
      panelHeader: box('[data-testid="messages-panel"] .messages-header'),
      toolbar: box('.editor-toolbar')!,
      scrollOverflow: scroller.scrollWidth - scroller.clientWidth,
    };
  });
}

describe('at 1366×768', () => {
  it('the landscape 2023 Hunan form fits the window beside the 检查结果 panel', async () => {
    await openForm(page, env.server.url, hunanId);
    const g = await geometry(page);
    await page.screenshot({ path: shot('clerk-hunan-1366.png') });
    expect(g.scrollOverflow).toBeLessThanOrEqual(1);
    expect(g.sheet.right).toBeLessThanOrEqual(g.window);
    // The panel is open or folded beside the paper, never over it.
    if (g.panel) expect(g.sheet.right).toBeLessThanOrEqual(g.panel.left);
    // The title and the last columns (评（扣）分标准, 备注) are on screen, not cut.
    const title = await page.locator('.role-title').first().boundingBox();
    expect(title!.x + title!.width).toBeLessThanOrEqual(g.sheet.right);
    const remark = page.getByRole('textbox', { name: '绩效指标第1行 备注' });
    const rb = await remark.boundingBox();
    expect(rb!.x + rb!.width).toBeLessThanOrEqual(g.panel ? g.panel.left : g.window);
  });

  it('Enter down the 三级 column keeps the row (一级, 二级 included) and the caret in view', async () => {
    await openForm(page, env.server.url, hunanId);
    // From a far-right column, where the caret used to pull the paper sideways.
    const first = page.getByRole('textbox', { name: '绩效指标第1行 评（扣）分标准' });
    await first.click();
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Enter');
      await page.waitForTimeout(60);
      const seen = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const r = el.getBoundingClientRect();
        const bar = document.querySelector('.editor-toolbar')!.getBoundingClientRect();
        const level1 = el.closest('tr')!.querySelector('td')!.getBoundingClientRect();
        const scroller = document.querySelector('.sheet-scroll')!;
        return {
          label: el.getAttribute('aria-label'),
          top: r.top,
          bottom: r.bottom,
          right: r.right,
          paperRight: (document.querySelector('[data-testid="messages-panel"]') ?? document.body).getBoundingClientRect().left,
          barBottom: bar.bottom,
          height: window.innerHeight,
          scrollLeft: scroller.scrollLeft,
          level1Left: level1.left,
          sheetLeft: document.querySelector('[data-testid="sheet"]')!.getBoundingClientRect().left,
        };
      });
      expect(seen.label).toMatch(/^绩效指标第\d+行/);
      expect(seen.top).toBeGreaterThanOrEqual(seen.barBottom);
      expect(seen.bottom).toBeLessThanOrEqual(seen.height);
      expect(seen.scrollLeft).toBe(0);
      expect(seen.right).toBeLessThanOrEqual(seen.paperRight);
      expect(seen.level1Left).toBeGreaterThanOrEqual(seen.sheetLeft);
    }
    await page.screenshot({ path: shot('clerk-hunan-enter-1366.png') });
  });

  it('the toolbar keeps every button in place through an autosave, and the 检查结果 header stays below it', async () => {
    await openForm(page, env.server.url, projectId);
    await waitSaved(page).catch(() => {});
    // Every toolbar button's box, recorded at each change of the save status.
    await page.evaluate(() => {
      const w = window as unknown as { __boxes: string[] };
      w.__boxes = [];
      const record = () =>
        w.__boxes.push(
          Array.from(document.querySelectorAll('.editor-toolbar button'))
            .map((b) => {
              const r = b.getBoundingClientRect();
              return `${b.textContent}@${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.width)}`;
            })
            .join(' '),
        );
      record();
      new MutationObserver(record).observe(document.querySelector('[data-testid="save-status"]')!, {
        attributes: true,
        childList: true,
        subtree: true,
        characterData: true,
      });
    });
    const name = cell(page, '项目名称');
    await name.click();
    await page.keyboard.type('（调整）');
    await waitSaved(page);
    await page.waitForTimeout(100);
    const boxes = await page.evaluate(() => (window as unknown as { __boxes: string[] }).__boxes);
    expect(boxes.length).toBeGreaterThan(2);
    expect(new Set(boxes).size, boxes.join('\n')).toBe(1);
    // One row of buttons: 定稿 and 删除 stay on the same line as 导出 Word (the 调整/监控 chain has a row of its own).
    const tops = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.editor-toolbar button:not(.editor-stage-row button)')).map(
        (b) => `${b.textContent}@${Math.round(b.getBoundingClientRect().top)}`,
      ),
    );
    expect(new Set(tops.map((t) => t.split('@')[1])).size, tops.join(' ')).toBe(1);

    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(200);
    const g = await geometry(page);
    await page.screenshot({ path: shot('clerk-project-scrolled-1366.png') });
    expect(g.panelHeader).not.toBeNull();
    expect(g.panelHeader!.top).toBeGreaterThanOrEqual(g.toolbar.bottom);
  });

  it('every built-in example fits the window width, panel open or folded', async () => {
    for (const id of [env.seedId, dept2015Id, projectId, twoBlockId, hunanId]) {
      await openForm(page, env.server.url, id);
      const g = await geometry(page);
      expect(g.scrollOverflow, `form ${id}`).toBeLessThanOrEqual(1);
      expect(g.sheet.right).toBeLessThanOrEqual(g.panel ? g.panel.left : g.window);
    }
  });
});

describe('typing in the 2019 form’s item lists', () => {
  it('the item’s tools (上移, 下移, 删除) never sit over the text being typed', async () => {
    await openForm(page, env.server.url, env.seedId);
    const item = page.getByRole('textbox', { name: '数量指标 第1条' });
    await item.click();
    await page.keyboard.press('End');
    const boxes = await item.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const tools = Array.from(el.closest('.ind-item')!.querySelectorAll('.item-actions button')).map((b) => b.getBoundingClientRect());
      return {
        text: { left: r.left, right: r.right, top: r.top, bottom: r.bottom },
        tools: tools.map((t) => ({ left: t.left, right: t.right, top: t.top, bottom: t.bottom, w: t.width })),
      };
    });
    await page.screenshot({ path: shot('clerk-item-tools-1366.png') });
    expect(boxes.tools.length).toBe(3);
    for (const t of boxes.tools) {
      expect(t.w).toBeGreaterThan(0);
      const overlaps = t.left < boxes.text.right && t.right > boxes.text.left && t.top < boxes.text.bottom && t.bottom > boxes.text.top;
      expect(overlaps, JSON.stringify({ t, text: boxes.text })).toBe(false);
    }
  });
});

describe('Enter in an item list', () => {
  it('moves the caret to the new item in the same task, so the next key lands there', async () => {
    await openForm(page, env.server.url, env.seedId);
    const item = page.getByRole('textbox', { name: '数量指标 第1条' });
    await item.click();
    await page.keyboard.press('End');
    const after = await item.evaluate((el) => {
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
      // No frame has passed: where would the next key go?
      return document.activeElement?.getAttribute('aria-label');
    });
    expect(after).toBe('数量指标 第2条');
    await page.keyboard.press('Control+z');
  });

  it('and in a project form’s indicator grid, Enter at a row’s end puts the caret in the new row at once', async () => {
    await openForm(page, env.server.url, projectId);
    const value = page.getByRole('textbox', { name: '绩效指标第1行 指标值' });
    await value.click();
    await page.keyboard.press('End');
    const after = await value.evaluate((el) => {
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
      return document.activeElement?.getAttribute('aria-label');
    });
    expect(after).toMatch(/^绩效指标第2行 /);
    await page.keyboard.press('Control+z');
    await waitSaved(page);
  });
});

describe('定稿', () => {
  it('of a form with errors warns, lists them and asks; 回去修改 keeps the draft, 仍然定稿 finalises', async () => {
    await openForm(page, env.server.url, projectId);
    await cell(page, '其他资金').fill('50');
    await waitSaved(page);
    await page.getByRole('button', { name: '定稿', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '这份表还有错误，确定要定稿吗？' });
    await dialog.waitFor();
    const listed = await page.getByTestId('finalize-errors').textContent();
    expect(listed).toContain('年度资金总额');
    await page.screenshot({ path: shot('clerk-finalize-errors-1366.png') });
    await dialog.getByRole('button', { name: '回去修改' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(page.getByTestId('final-banner').count()).resolves.toBe(0);
    await page.getByRole('button', { name: '定稿', exact: true }).click();
    await dialog.getByRole('button', { name: '仍然定稿' }).click();
    await page.getByTestId('final-banner').waitFor();
    expect(cli(env.db, 'list', '--json')).toMatch(/"status":\s*"final"/);
    await page.getByRole('button', { name: '解除定稿' }).click();
    await page.getByRole('textbox', { name: '原因（可不填）' }).fill('改正资金');
    await page.getByRole('button', { name: '确认解除定稿' }).click();
    await page.getByTestId('final-banner').waitFor({ state: 'hidden' });
    await cell(page, '其他资金').fill('0');
    await waitSaved(page);
  });
});

describe('routes', () => {
  it('a reload of #/summary shows the 汇总, not the last form', async () => {
    await openForm(page, env.server.url, projectId);
    // The last form opened is remembered, as a click in the list does.
    await page.evaluate((id) => localStorage.setItem('shenbao.lastForm', String(id)), projectId);
    await page.getByRole('button', { name: '汇总', exact: true }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/summary');
    await page.reload();
    await page.getByRole('button', { name: '汇总', pressed: true }).waitFor();
    await page.getByTestId('summary-view').waitFor();
    await expect(page.getByTestId('paper-table').count()).resolves.toBe(0);
  });
});

describe('the list’s 重试', () => {
  it('when the list cannot be read, the message wraps and 重试 is shown whole inside the side list', async () => {
    await page.route('**/api/forms.page', (route) => route.abort());
    try {
      await page.goto(`${env.server.url}#/`);
      await page.reload();
      const retry = page.locator('.list-error').getByRole('button', { name: '重试' });
      await retry.waitFor();
      const box = await retry.evaluate((b) => {
        const label = b.querySelector('.mantine-Button-label') ?? b;
        const r = b.getBoundingClientRect();
        const side = b.closest('.list-error')!.parentElement!.getBoundingClientRect();
        return {
          width: r.width,
          labelFits: label.scrollWidth <= label.clientWidth + 0.5,
          inside: r.left >= side.left - 0.5 && r.right <= side.right + 0.5,
        };
      });
      await page.locator('.list-error').screenshot({ path: shot('list-retry.png') });
      expect(box.labelFits).toBe(true);
      expect(box.inside).toBe(true);
      expect(box.width).toBeGreaterThan(30);
    } finally {
      await page.unroute('**/api/forms.page');
    }
  });
});
