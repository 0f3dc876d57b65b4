import { createHash, randomInt } from 'node:crypto';

/** Lowercase letters and digits without look-alikes (no i, l, o, 0, 1): easy to type into a phone. */
const UNAMBIGUOUS_LOWER = 'abcdefghjkmnpqrstuvwxyz23456789';
const UNAMBIGUOUS_LETTERS = 'abcdefghjkmnpqrstuvwxyz';
const UNAMBIGUOUS_MIXED = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Unbiased: randomInt rejects out-of-range draws instead of taking a modulo. */
const randomString = (length: number, alphabet: string): string =>
  Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');

/**
 * The OsmAnd device id doubles as the device's secret (the protocol has nothing else), so it is long:
 * 24 characters of a 31-letter alphabet is about 119 bits, which nobody guesses to fake a team.
 */
export const newOsmandKey = (): string => randomString(24, UNAMBIGUOUS_LOWER);
export const newOwntracksUsername = (): string => `ot-${randomString(8, UNAMBIGUOUS_LETTERS)}`;
export const newOwntracksPassword = (): string => randomString(20, UNAMBIGUOUS_MIXED);

export const sha256Hex = (value: string): string => createHash('sha256').update(value).digest('hex');
