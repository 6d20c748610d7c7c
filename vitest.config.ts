import { defineConfig } from 'vitest/config'

const E2E = 'test/e2e/**/*.test.ts'

// One run covers every workspace; the JSON report feeds the one-line total that .ci/run prints.
// Files outside the browser tests share their worker's modules (no isolation): each file clears
// what it makes (temp dirs, servers, pools), and evaluating the server's module graph again for
// each of 130 files was a quarter of the run. Browser tests keep a fresh process each.
export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', 'client/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit and integration',
          include: [
            'shared/**/*.test.ts',
            'server/**/*.test.ts',
            'client/**/*.test.{ts,tsx}',
            'test/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', 'client/dist/**', E2E],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'browser', include: [E2E] } },
    ],
  },
})
