// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'stream', 'worker_threads'];
const noNode = [
  { group: ['node:*', ...nodeBuiltins], message: '这里不能使用 Node API（renderer 和 shared 只在浏览器里运行）' },
  { group: ['electron', 'better-sqlite3'], message: '只有 electron/ 可以使用 electron 与 better-sqlite3' },
];

/**
 * Generic code knows no built-in template: the engine (shared/) and the core services take templates
 * from the store or the form. Only startup code imports shared/templates/ — the store's registration
 * of the built-ins, the cli/web/shell entry points — and tests.
 */
const BUILT_IN_MESSAGE = '通用代码不认识具体的表样：从 store 或表单取表样（只有启动代码和测试可以导入 shared/templates/）';
const noBuiltInTemplates = { group: ['**/shared/templates', '**/shared/templates/*'], message: BUILT_IN_MESSAGE };
/** Inside shared/ the folder is reached relatively (shared/template/, singular, is the engine). */
const noBuiltInTemplatesInShared = {
  group: ['./templates', './templates/*', '../templates', '../templates/*', '**/shared/templates', '**/shared/templates/*'],
  message: BUILT_IN_MESSAGE,
};
const sharedBoundary = { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ 不依赖 electron/ 或 renderer/' };
const noElectronInCore = { name: 'electron', message: '核心服务不依赖 electron，以便在纯 Node 下运行和测试' };

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'release', 'test-output', '.cache'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/templates/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...noNode, sharedBoundary, noBuiltInTemplatesInShared] }],
    },
  },
  {
    // The built-in templates themselves (data, and their shared parts).
    files: ['shared/templates/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...noNode, sharedBoundary] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...noNode, { group: ['**/electron/**'], message: 'renderer 只通过 window.api 与核心通信' }] },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectronInCore] }],
    },
  },
  {
    // The store registers the built-ins (startup code); every other core module gets templates from it.
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/store/store.ts', 'electron/core/import/builtInIds.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectronInCore], patterns: [noBuiltInTemplates] }],
    },
  },
);
