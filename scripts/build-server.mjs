#!/usr/bin/env node
// Bundles the server (server/main.ts, and server/backup.ts when present) into dist/server/ with esbuild.
// npm packages stay external (resolved from node_modules at run time); our own TS and JSON are bundled.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const entries = [
  { in: 'server/main.ts', out: 'main', required: true },
  { in: 'server/backup.ts', out: 'backup', required: false },
].filter((e) => {
  const present = existsSync(path.join(ROOT, e.in));
  if (!present && e.required) {
    console.error(`[build-server] error: ${e.in} is missing`);
    process.exit(1);
  }
  return present;
});

const started = Date.now();
try {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: entries.map((e) => ({ in: e.in, out: e.out })),
    outdir: 'dist/server',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    metafile: false,
    // Bundled CommonJS-style code (and any `require` left in our sources) needs a `require` in ESM output.
    banner: {
      js: "import { createRequire as __tidewatchCreateRequire } from 'node:module';\nconst require = __tidewatchCreateRequire(import.meta.url);",
    },
    loader: { '.json': 'json' },
  });
  if (result.errors.length > 0) process.exit(1);
} catch {
  // esbuild has already printed the errors.
  console.error('[build-server] error: the server build failed');
  process.exit(1);
}
console.log(
  `[build-server] built ${entries.map((e) => `dist/server/${e.out}.js`).join(', ')} in ${Date.now() - started} ms`,
);
