import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CLIENT_REQUESTS } from '../../shared/socket';
import { RawToken, toJsonText } from './hostile';
import { httpTargets } from './targets';
import { arbitraryFor } from './zod-arbitrary';

const sample = (schema: z.ZodType, n: number) => fc.sample(arbitraryFor(schema), { numRuns: n, seed: 42 });

describe('arbitraryFor (zod 4 → fast-check)', () => {
  it('follows lengths, bounds, formats, patterns, enums and strict objects', () => {
    const schema = z
      .object({
        username: z.string().min(2).max(40).regex(/^[a-z0-9_.-]+$/),
        count: z.number().int().min(1).max(10),
        at: z.iso.datetime({ offset: true }),
        kind: z.enum(['receipt', 'issue']),
        lines: z.array(z.object({ qty: z.number().min(0) }).strict()).min(1).max(3),
        note: z.string().max(5).optional(),
      })
      .strict();
    for (const value of sample(schema, 200)) expect(schema.safeParse(value).error).toBeUndefined();
  });

  it('reaches past validation for every route body and socket request (so the fuzz tests more than the parser)', () => {
    const schemas = [...httpTargets().flatMap((t) => (t.body ? [[`${t.method} ${t.path}`, t.body] as const] : [])), ...Object.entries(CLIENT_REQUESTS).map(([name, r]) => [name, r.request] as const)];
    const unreachable = schemas.filter(([, schema]) => !sample(schema, 100).some((v) => schema.safeParse(JSON.parse(toJsonText(v))).success)).map(([name]) => name);
    expect(unreachable).toEqual([]);
  });
});

describe('hostile JSON text', () => {
  it('carries Infinity as 1e999 and keeps __proto__ an own key of the parsed body', () => {
    const body = Object.defineProperty({ n: new RawToken('1e999') }, '__proto__', { value: { polluted: true }, enumerable: true });
    const parsed = JSON.parse(toJsonText(body)) as Record<string, unknown>;
    expect(parsed.n).toBe(Infinity);
    expect(Object.keys(parsed)).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
