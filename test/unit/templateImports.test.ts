/**
 * Generic code knows no built-in template (issue 20, point 5): the engine and the core services take
 * templates from the store or the form. The ESLint rule (eslint.config.js, no-restricted-imports
 * per folder) refuses an import of shared/templates/ there, and lets startup code and tests have it.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${file}` });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('no built-in template in generic code', () => {
  it.each([
    ['shared/validationX.ts', "import { BUILTIN_TEMPLATES } from './templates';"],
    ['shared/template/layoutX.ts', "import { bumenZhengti2019 } from '../templates/bumen-zhengti-2019';"],
    ['shared/checks/x.ts', "import { BUILTIN_TEMPLATES } from '../templates';"],
    ['electron/core/summary/x.ts', "import { DEFAULT_TEMPLATE_ID } from '../../../shared/templates';"],
    ['electron/core/handlers/x.ts', "import { xiangmuZhichu } from '../../../shared/templates/xiangmu-zhichu';"],
  ])('refuses it in %s', async (file, code) => {
    expect(await restricted(file, `${code}\nexport const x = 1;\n`)).toEqual([expect.stringContaining('通用代码不认识具体的表样')]);
  });

  it.each([
    ['electron/core/store/store.ts', "import { BUILTIN_TEMPLATES } from '../../../shared/templates';"],
    ['electron/cli/commands/x.ts', "import { DEFAULT_TEMPLATE_ID } from '../../../shared/templates';"],
    ['electron/web/x.ts', "import { BUILTIN_TEMPLATES } from '../../shared/templates';"],
    ['shared/templates/x.ts', "import { bumenZhengti2019 } from './bumen-zhengti-2019';"],
    ['test/unit/x.test.ts', "import { BUILTIN_TEMPLATES } from '../../shared/templates';"],
    // The store's own template table is another module of that name.
    ['electron/core/store/x.ts', "import { loadStoredTemplates } from './templates';"],
  ])('allows it in startup code and tests: %s', async (file, code) => {
    expect(await restricted(file, `${code}\nexport const x = 1;\n`)).toEqual([]);
  });

  it('keeps the other boundaries where it applies', async () => {
    expect(await restricted('shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toHaveLength(1);
    expect(await restricted('electron/core/x.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
    expect(await restricted('shared/templates/x.ts', "import { app } from '../../electron/main';\nexport const x = app;\n")).toContainEqual(
      expect.stringContaining('shared/ 不依赖'),
    );
  });
});
