/**
 * No import cycles in the app's code. A cycle makes the result depend on which module is
 * imported first (a template module imported first once threw "Cannot access … before
 * initialization"), so none is allowed; type-only imports are erased and do not count.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : sources(p);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Relative imports that exist at run time: `import type` and `export type` are left out. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm)) {
    const base = resolve(dirname(file), m[1]);
    const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false;
      }
    });
    if (hit) out.push(hit);
  }
  return out;
}

function findCycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, runtimeImports(f)]));
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const next of graph.get(f) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map((p) => relative(ROOT, p)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return cycles;
}

/**
 * The same graph one level up: a folder of renderer/src (shell, editor, summary, ui …) imports
 * another when any file of it does. The app frame (shell/) may use the editor, never the other
 * way round; what both use (notifications, a confirmation) lives in ui/.
 */
function findFolderCycles(root: string): string[][] {
  const folderOf = (f: string) => {
    const rel = relative(root, f).split(/[\\/]/);
    return rel.length > 1 ? rel[0] : null;
  };
  const files = sources(root);
  const edges = new Map<string, Set<string>>();
  for (const f of files) {
    const from = folderOf(f);
    if (!from) continue;
    for (const to of runtimeImports(f).map(folderOf)) if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
  }
  // Each folder stands for a file that imports the folders it uses: the file-level search finds the cycles.
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  const stack: string[] = [];
  const visit = (d: string) => {
    state.set(d, 'open');
    stack.push(d);
    for (const next of edges.get(d) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(d, 'done');
  };
  for (const d of edges.keys()) if (!state.has(d)) visit(d);
  return cycles;
}

describe('import cycles', () => {
  it('there are none between the folders of renderer/src/', () => {
    expect(findFolderCycles(join(ROOT, 'renderer/src'))).toEqual([]);
  });

  it('would find one between folders', () => {
    // cycle-fixture/folders: x/ imports y/, y/ imports x/.
    expect(findFolderCycles(join(ROOT, 'test/unit/cycle-fixture/folders'))).toEqual([['x', 'y', 'x']]);
  });

  it.each(['shared', 'electron', 'renderer/src'])('there are none in %s/', (dir) => {
    expect(findCycles(sources(join(ROOT, dir)))).toEqual([]);
  });

  it('would find one', () => {
    // The check itself must be able to fail: two files of this test folder's fixtures import each other.
    const a = join(ROOT, 'test/unit/cycle-fixture/a.ts');
    const b = join(ROOT, 'test/unit/cycle-fixture/b.ts');
    expect(findCycles([a, b])).toHaveLength(1);
  });
});
