import fc from 'fast-check';
import { isPlainObject } from './zod-arbitrary';

/**
 * Hostile inputs for the fuzz suite: a valid-shaped value with one part broken (wrong type, huge string, deep
 * nesting, prototype-pollution keys, odd unicode, out-of-range numbers, extra fields), or junk outright.
 * Inputs are kept as JSON *text*, because that is what travels: JSON has no NaN, but `1e999` parses to
 * Infinity on the server, and a `__proto__` key arrives as an own property of the parsed object.
 */

/** A token written into the JSON text as it is (`1e999`). */
export class RawToken {
  constructor(readonly text: string) {}
}

/** JSON.stringify, except that RawTokens are written raw and `__proto__` stays an ordinary key. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawToken) return value.text;
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (isPlainObject(value)) {
    const fields = Object.keys(value).filter((k) => value[k] !== undefined);
    return `{${fields.map((k) => `${JSON.stringify(k)}:${toJsonText(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Sets a key without going through the `__proto__` setter. */
const withKey = (target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> => {
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(target)) Object.defineProperty(copy, k, { value: target[k], enumerable: true, writable: true, configurable: true });
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
};

const nested = (depth: number, kind: 'array' | 'object'): RawToken =>
  new RawToken(kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

const weirdStrings = fc.constantFrom(
  '\ud800',
  'a\udfffb',
  '\u202eevil\u202c',
  '\u200b\u200d\ufeff',
  '\u0000',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'Ǆ̷̛͓',
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE events; --",
  '=cmd|"/c calc"!A1',
  '../../../../etc/passwd',
  '%00%2e%2e',
  '   ',
  '',
);

const weirdNumbers = fc.constantFrom(new RawToken('1e999'), new RawToken('-1e999'), new RawToken('-0'), 1e308, -1e308, new RawToken('9007199254740993'), -1, 0.5, 2 ** 53, -(2 ** 31) - 1);

/** A replacement for one part of a value. */
const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  weirdStrings,
  weirdNumbers,
  fc.constantFrom(null, true, false, 0, '', [], {}, '1', 'true', 'null'),
  fc.integer({ min: 10_000, max: 120_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1, max: 2_000 }).map((n) => '水'.repeat(n)),
  fc.constantFrom(nested(3_000, 'array'), nested(3_000, 'object'), nested(200, 'array')),
  fc.array(fc.constant('x'), { minLength: 1_000, maxLength: 5_000 }),
  fc.jsonValue({ maxDepth: 3 }),
);

const pollutionKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf');
const pollution = fc.constantFrom<unknown>({ polluted: true, role: 'admin', isAdmin: true }, { prototype: { polluted: true } }, 'x', null);

/** Breaks one part of `value`: replaces a leaf, adds a field, or adds a prototype-pollution key. */
function breakOne(value: unknown, path: number[], leaf: unknown, extraKey: string, mode: number): unknown {
  if (path.length === 0 || !(isPlainObject(value) || Array.isArray(value))) {
    if (isPlainObject(value) && mode > 0) return withKey(value, mode === 1 ? extraKey : `${extraKey}_extra`, leaf);
    return leaf;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return isPlainObject(value) ? withKey(value, extraKey, leaf) : [leaf];
  const [step, ...rest] = path as [number, ...number[]];
  const key = keys[step % keys.length] as string;
  const child = breakOne((value as Record<string, unknown>)[key], rest, leaf, extraKey, mode);
  if (Array.isArray(value)) return value.map((v, i) => (String(i) === key ? child : v));
  return withKey(value, key, child);
}

/** A hostile version of a valid-shaped input, or junk with no shape at all; as JSON text. */
export function hostileFrom(validShaped: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  const broken = fc
    .tuple(validShaped, fc.array(fc.nat(), { maxLength: 4 }), hostileLeaf, fc.oneof(pollutionKeys, fc.string({ minLength: 1, maxLength: 12 })), fc.nat({ max: 2 }))
    .map(([value, path, leaf, key, mode]) => toJsonText(breakOne(value, path, leaf, key, mode)));
  const polluted = fc.tuple(validShaped, pollutionKeys, pollution).map(([value, key, payload]) => toJsonText(isPlainObject(value) ? withKey(value, key, payload) : withKey({}, key, payload)));
  const junk = hostileLeaf.map(toJsonText);
  return fc.oneof({ arbitrary: broken, weight: 5 }, { arbitrary: polluted, weight: 2 }, { arbitrary: junk, weight: 2 });
}
