import { defineConfig } from 'vitest/config';

// Unit and integration tests: real SQLite files, real .docx bytes, under plain Node.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
  },
});
