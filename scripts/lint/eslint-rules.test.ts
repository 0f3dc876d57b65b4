// The ESLint rules that carry a project decision (eslint.config.js), checked on made-up sources.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });

const rulesHit = async (filePath: string, text: string) =>
  (await eslint.lintText(text, { filePath }))[0]!.messages.map((m) => m.ruleId);

const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';

// The first lint loads every plugin and parser: seconds of CPU, more when the browser suites run beside it.
describe('eslint.config.js', { timeout: 60_000 }, () => {
  it('a source file over 400 lines is refused; one of 400 is not', async () => {
    expect(await rulesHit('server/incidents/huge-service.ts', lines(401))).toContain('max-lines');
    expect(await rulesHit('server/incidents/big-service.ts', lines(400))).not.toContain('max-lines');
  });

  it('tests and migrations may be longer', async () => {
    expect(await rulesHit('server/incidents/huge.test.ts', lines(401))).not.toContain('max-lines');
    expect(await rulesHit('server/db/migrations/0099_huge.ts', lines(401))).not.toContain('max-lines');
  });

  it('typescript-eslint recommended applies (`as any` is refused)', async () => {
    expect(await rulesHit('server/incidents/loose.ts', 'export const x = (1 as any);\n')).toContain('@typescript-eslint/no-explicit-any');
  });

  it('Vue 3 recommended applies to components', async () => {
    const vue = '<script setup lang="ts">\nconst items = [1, 2];\n</script>\n<template>\n  <p v-for="i in items">{{ i }}</p>\n</template>\n';
    expect(await rulesHit('client/src/components/ItemList.vue', vue)).toContain('vue/require-v-for-key');
  });
});
