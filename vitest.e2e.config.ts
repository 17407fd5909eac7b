import { defineConfig } from 'vitest/config';

// End-to-end and rendering checks: real Chromium against browser mode, real LibreOffice.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
