import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import { buildInfo, buildInfoFile, serviceWorker } from './scripts/client-build';
import pkg from './package.json' with { type: 'json' };

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const BUILD = buildInfo(pkg.version);

export default defineConfig({
  root: here('./client'),
  publicDir: here('./client/public'),
  plugins: [vue(), buildInfoFile(BUILD), ...serviceWorker()],
  define: { __BUILD_ID__: JSON.stringify(BUILD.buildId), __BUILT_AT__: JSON.stringify(BUILD.builtAt) },
  resolve: { alias: { '@shared': here('./shared'), '@client': here('./client/src') } },
  build: { outDir: here('./dist/client'), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:8080', '/socket.io': { target: 'ws://localhost:8080', ws: true } } },
  test: {
    root: here('.'),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: here('.'),
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          root: here('.'),
          include: ['server/**/*.int.test.ts', 'shared/**/*.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: here('.'),
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser suite at a time, but beside the unit and integration files, not after them: Vitest runs
          // each pool concurrently, while single-fork files of the forks pool wait for all the others to finish.
          pool: 'threads',
          poolOptions: { threads: { singleThread: true } },
        },
      },
    ],
  },
});
