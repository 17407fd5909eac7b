/* global process, console */
// build/icon.svg → build/icon.png (512 px, Linux) and build/icon.ico (Windows), for electron-builder.
// ImageMagick here has no SVG reader, so Chromium draws the PNG and ImageMagick packs the ICO.
// Run after editing the SVG: node build/render-icon.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(join(here, 'icon.svg'), 'utf8');
const profile = mkdtempSync(join(tmpdir(), 'shenbao-icon-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  viewport: { width: 512, height: 512 },
});
try {
  const page = await browser.newPage();
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(here, 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
const ico = spawnSync('convert', [join(here, 'icon.png'), '-define', 'icon:auto-resize=256,128,64,48,32,16', join(here, 'icon.ico')], {
  stdio: 'inherit',
});
if (ico.status !== 0) {
  console.error('无法生成 icon.ico：需要 ImageMagick 的 convert 命令');
  process.exit(1);
}
console.log('已生成 build/icon.png 和 build/icon.ico');
