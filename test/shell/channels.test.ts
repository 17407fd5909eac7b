import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { CHANNEL_NAMES } from '../../electron/shell/channels';

describe('the preload channel list', () => {
  it('names exactly the contract channels, once each', () => {
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
    expect([...CHANNEL_NAMES].sort()).toEqual([...CHANNELS].sort());
  });

  it('bundles into a preload that requires only electron and carries no zod', async () => {
    const out = await build({
      entryPoints: ['electron/preload.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0].text;
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/zod|ZodError|safeParse/);
    for (const channel of CHANNELS) expect(code).toContain(`"${channel}"`);
  });
});
