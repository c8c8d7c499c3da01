import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // Component tests opt into happy-dom with a file-level comment; everything else runs in Node.
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
  },
});
