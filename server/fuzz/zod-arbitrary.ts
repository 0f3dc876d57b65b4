import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Valid-shaped inputs from a zod 4 schema, for the fuzz suite. No maintained library derives fast-check
 * arbitraries from zod 4 (zod-fast-check 0.10 targets zod 3), so this reads zod 4's schema definitions and
 * the `bag` its checks fill in (lengths, bounds, formats, patterns). It aims at inputs a schema *probably*
 * accepts; refinements and cross-field rules are left to chance, which is what a fuzz wants anyway.
 */
export function arbitraryFor(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 8) return fc.constant(null);
  const inner = (s: unknown) => arbitraryFor(s as z.ZodType, depth + 1);
  const { def, bag } = schema._zod as unknown as { def: Def; bag: Bag };
  switch (def.type) {
    case 'string':
      return stringFor(bag);
    case 'number':
      return numberFor(bag);
    case 'bigint':
      return fc.bigInt().map(String);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'date':
      return instant();
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
      return fc.option(inner(def.innerType), { nil: undefined, freq: 4 });
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return inner(def.innerType);
    case 'lazy':
      return inner((def.getter as () => unknown)());
    case 'pipe': {
      // z.preprocess puts a transform first: generate for what comes out of it instead.
      const from = (def.in as z.ZodType)._zod.def.type === 'transform' ? def.out : def.in;
      return inner(from);
    }
    case 'array': {
      const element = inner(def.element);
      const minLength = Math.min(bag.minimum ?? 0, 20);
      return fc.array(element, { minLength, maxLength: Math.max(minLength, Math.min(bag.maximum ?? 4, 4)) });
    }
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map(inner));
    case 'record':
      return fc.dictionary(stringFor({}).filter((k) => k.length > 0), inner(def.valueType), { maxKeys: 3 });
    case 'object':
      return objectFor(def.shape as Record<string, unknown>, inner);
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map(inner));
    case 'intersection':
      return fc.tuple(inner(def.left), inner(def.right)).map(([a, b]) => (isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : a));
    default:
      // transform, custom, any, unknown, template literals…: anything JSON can carry.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

interface Def {
  type: string;
  [key: string]: unknown;
}

interface Bag {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  format?: string;
  patterns?: Set<RegExp>;
}

function objectFor(shape: Record<string, unknown>, inner: (s: unknown) => fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, field] of Object.entries(shape)) fields[key] = inner(field);
  // Optional fields come out as `undefined` and vanish in JSON, which is what an omitted field looks like.
  return fc.record(fields);
}

const instant = () => fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

function stringFor(bag: Bag): fc.Arbitrary<string> {
  switch (bag.format) {
    case 'datetime':
      return instant();
    case 'date':
      return instant().map((s) => s.slice(0, 10));
    case 'uuid':
    case 'guid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress();
    case 'url':
      return fc.webUrl();
    case 'ipv4':
      return fc.ipV4();
  }
  const pattern = bag.patterns ? [...bag.patterns][0] : undefined;
  const minLength = bag.minimum ?? 0;
  const maxLength = Math.max(minLength, Math.min(bag.maximum ?? 40, 200));
  if (pattern) {
    // Repeating a match keeps most patterns (character classes with `+`) matching while reaching the minimum.
    const fit = (s: string) => {
      const long = s.length >= minLength || s.length === 0 ? s : s.repeat(Math.ceil(minLength / s.length));
      const clipped = long.slice(0, maxLength);
      return pattern.test(clipped) ? clipped : s;
    };
    return fc.stringMatching(pattern).map(fit);
  }
  // zod counts UTF-16 units; a grapheme may be several.
  return fc
    .oneof(
      fc.string({ minLength, maxLength }),
      fc.string({ unit: 'grapheme', minLength, maxLength }),
      fc.constantFrom('测试救援队', '丹西街道', 'a'.repeat(minLength || 1)).map((s) => s.padEnd(minLength, '号')),
    )
    .map((s) => s.slice(0, maxLength));
}

function numberFor(bag: Bag): fc.Arbitrary<number> {
  const isInt = bag.format !== undefined && /int/.test(bag.format);
  const min = bag.minimum ?? bag.exclusiveMinimum ?? -1e6;
  const max = bag.maximum ?? bag.exclusiveMaximum ?? 1e6;
  if (isInt) {
    const lo = Math.ceil(Math.max(min, -(2 ** 31)));
    return fc.integer({ min: lo, max: Math.max(lo, Math.floor(Math.min(max, 2 ** 31))) });
  }
  return fc.double({ min: Math.max(min, -1e9), max: Math.min(max, 1e9), noNaN: true, noDefaultInfinity: true });
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
