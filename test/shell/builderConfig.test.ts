import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
// js-yaml comes with electron-builder (it reads this file with it), untyped here.
// @ts-expect-error no type declarations
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

type Target = { target: string; arch: string[] };
const config = (load as (text: string) => unknown)(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown> & {
  nsis: Record<string, unknown>;
  linux: Record<string, unknown> & { target: Target[] };
  win: { target: Target[]; icon: string };
  electronFuses: Record<string, boolean>;
  files: string[];
  asarUnpack: string[];
};
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('names the product and keeps the app offline (no publish/update provider)', () => {
    expect(config.productName).toBe('绩效目标申报');
    expect(config.productName).toBe(pkg.productName);
    expect(config.publish).toBeNull();
  });

  it('builds a Chinese, per-user NSIS installer for Windows x64 with a folder choice and a desktop shortcut', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: 'always',
      language: '2052',
      installerLanguages: ['zh_CN'],
    });
  });

  it('builds deb and AppImage for x64 and arm64 with maintainer and homepage', () => {
    const targets = Object.fromEntries(config.linux.target.map((t) => [t.target, [...t.arch].sort()]));
    expect(targets).toEqual({ deb: ['arm64', 'x64'], AppImage: ['arm64', 'x64'] });
    expect(config.linux.maintainer).toMatch(/\S+ <\S+@\S+>/);
    // electron-builder takes the deb's Homepage from package.json.
    expect(pkg.homepage).toMatch(/^https:\/\//);
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the bundles and the native module only, unpacked from the asar', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/main/**', 'dist/renderer/**', '!node_modules/**']));
    expect(pkg.main).toBe('dist/main/main.cjs');
  });

  it('names hooks that electron-builder resolves to functions', async () => {
    const { resolveFunction } = createRequire(import.meta.url)('app-builder-lib/out/util/resolve') as {
      resolveFunction(type: string, executor: unknown, name: string, root: string): Promise<unknown>;
    };
    for (const hook of ['beforeBuild', 'afterAllArtifactBuild']) {
      expect(statSync(config[hook] as string).isFile(), hook).toBe(true);
      const fn = await resolveFunction('module', config[hook], hook, process.cwd());
      expect(typeof fn, hook).toBe('function');
      expect((fn as { name: string }).name).toBe(hook);
    }
  });

  it('points at icons that exist', () => {
    const icons = readdirSync('build');
    expect(icons).toEqual(expect.arrayContaining(['icon.png', 'icon.ico', 'icon.svg']));
    expect(join('build', 'icon.ico')).toBe(config.win.icon);
    expect(join('build', 'icon.png')).toBe(config.linux.icon);
  });
});

describe('offline by design', () => {
  const sources = ['electron/main.ts', 'electron/preload.ts', ...readdirSync('electron/shell').map((f) => join('electron/shell', f))];

  it.each(sources)('%s starts no crash reporter, updater or network request', (file) => {
    const code = readFileSync(file, 'utf8');
    expect(code).not.toMatch(/crashReporter|autoUpdater|electron-updater|net\.request|net\.fetch|\bfetch\(|https?:\/\/(?!electronjs\.org)/);
  });
});
