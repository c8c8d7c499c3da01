import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * A test file that needs a process of its own says so with this line: modules of its own (vi.mock
 * needs them anyway) or a main thread's stack, as a page has (a worker thread's is larger).
 */
const OWN_PROCESS = '// vitest: own process';
const testFiles = (readdirSync('tests', { recursive: true }) as string[])
  .map((f) => join('tests', f).replaceAll('\\', '/'))
  .filter((f) => /\.test\.tsx?$/.test(f));
const ownProcess = testFiles.filter((f) => {
  const text = readFileSync(f, 'utf8');
  return text.includes('vi.mock(') || text.includes(OWN_PROCESS);
});

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // Component tests opt into happy-dom with a file-level comment; everything else runs in Node.
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    // `npm test` runs these beside the browser suites: a CPU-heavy property test may wait for a core.
    testTimeout: 30_000,
    projects: [
      // Most files share one module registry per worker: importing the same modules again for
      // every file was half the run. The fake browser is reset before every test all the same.
      {
        extends: true,
        test: {
          name: 'shared',
          include: testFiles.filter((f) => !ownProcess.includes(f)),
          isolate: false,
          pool: 'threads',
        },
      },
      { extends: true, test: { name: 'own process', include: ownProcess, pool: 'forks' } },
    ],
  },
});
