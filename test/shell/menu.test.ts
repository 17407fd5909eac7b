import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../electron/shell/menu';

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);

const actions = () => ({ openDataFolder: vi.fn(), openLogFolder: vi.fn(), about: vi.fn() });

describe('menuTemplate', () => {
  it('is labelled in Chinese throughout', () => {
    const items = flatten(menuTemplate(actions(), { devTools: true })).filter((i) => i.type !== 'separator');
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) expect(item.label, JSON.stringify(item)).toMatch(/[\u4e00-\u9fff]/);
    expect(menuTemplate(actions(), { devTools: false }).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('offers developer tools and reload only in development', () => {
    const roles = (devTools: boolean) => flatten(menuTemplate(actions(), { devTools })).map((i) => i.role);
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
  });

  it('wires its own items to the actions', () => {
    const a = actions();
    for (const item of flatten(menuTemplate(a, { devTools: false }))) (item.click as (() => void) | undefined)?.();
    expect(a.openDataFolder).toHaveBeenCalledTimes(1);
    expect(a.openLogFolder).toHaveBeenCalledTimes(1);
    expect(a.about).toHaveBeenCalledTimes(1);
  });
});
