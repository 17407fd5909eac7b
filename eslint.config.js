// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'stream', 'worker_threads'];
const noNode = [
  { group: ['node:*', ...nodeBuiltins], message: '这里不能使用 Node API（renderer 和 shared 只在浏览器里运行）' },
  { group: ['electron', 'better-sqlite3'], message: '只有 electron/ 可以使用 electron 与 better-sqlite3' },
];

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
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...noNode, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ 不依赖 electron/ 或 renderer/' }] },
      ],
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
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: '核心服务不依赖 electron，以便在纯 Node 下运行和测试' }] }],
    },
  },
);
