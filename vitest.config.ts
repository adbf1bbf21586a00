import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Browser tests build the extension once and share one Chromium; keep them serial.
    fileParallelism: true,
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
