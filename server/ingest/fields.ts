import { z } from 'zod';
import type { FixFlag } from '../../shared/schemas/position';

/**
 * One report of a tracker, normalised to m/s, degrees, metres, percent and epoch ms. Ranges are checked
 * later. Without coordinates (a heartbeat, a send while the phone has no fix) it carries no fix, but the
 * device was still heard and its battery is current.
 */
export interface Reading {
  lat: number | null;
  lon: number | null;
  t: number;
  speed: number | null;
  heading: number | null;
  accuracy: number | null;
  altitude: number | null;
  battery: number | null;
  /** The app's SOS button (`alarm=sos`); other alarm names are ignored. */
  alarm: 'sos' | null;
  /** The device marked the fix unusable (`valid=false`, `mock=true`). */
  flag: FixFlag | null;
}

/** `alarm=sos` in any case; the apps send other alarm names too, which the board has no use for. */
export const alarmOf = (value: unknown): 'sos' | null => (typeof value === 'string' && value.trim().toLowerCase() === 'sos' ? 'sos' : null);

const TRUE = new Set(['true', '1']);
const FALSE = new Set(['false', '0']);
const flagText = (value: unknown): string => (typeof value === 'boolean' || typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().toLowerCase() : '');

/** `valid=false` (Traccar's OsmAnd decoder reads false/0) or `mock=true` (Traccar Client for a mock-provider fix). */
export const flagOf = (valid: unknown, mock: unknown): FixFlag | null => (FALSE.has(flagText(valid)) ? 'invalid' : TRUE.has(flagText(mock)) ? 'mock' : null);

export const KNOTS_TO_MPS = 1852 / 3600;
export const KMH_TO_MPS = 1 / 3.6;

/**
 * The fields below are checked by zod but not transformed: a zod transform or union allocates per call
 * and these run for every fix, thousands a second. The parsers convert the checked values afterwards
 * with `numberOf` and `epochMsOf`, which cannot fail on a value that passed.
 */
type Loose = number | string;

const isBlank = (text: string): boolean => text.trim() === '';
const isNumber = (value: unknown): boolean =>
  typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && !isBlank(value) && Number.isFinite(Number(value));

/** A number, or numeric text (query strings and form bodies carry only strings). */
export const looseNumber = z.custom<Loose>(isNumber, { message: 'expected a number' });
/** Like looseNumber, but missing or blank is undefined. */
export const optionalNumber = z.custom<Loose>((value) => (typeof value === 'string' && isBlank(value)) || isNumber(value), { message: 'expected a number' }).optional();

/** The number a checked looseNumber or optionalNumber holds; blank is undefined. */
export function numberOf(value: Loose): number;
export function numberOf(value: Loose | undefined): number | undefined;
export function numberOf(value: Loose | undefined): number | undefined {
  if (typeof value !== 'string') return value;
  return isBlank(value) ? undefined : Number(value);
}

/** Trackers send -1 for "unknown" speed, heading, accuracy or battery. */
export const unknownIfNegative = (value: number | undefined, scale = 1): number | null =>
  value === undefined || value < 0 ? null : value * scale;

/** Epoch seconds and epoch milliseconds are told apart by size: 1e11 s is the year 5138, 1e11 ms is 1973. */
const EPOCH_MS_THRESHOLD = 1e11;
const EPOCH_NUMBER = /^-?\d+(\.\d+)?$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const UNREADABLE = null;

/** Epoch seconds, epoch milliseconds or ISO 8601 (UTC when it names no zone) → epoch ms; missing or blank → undefined. */
function readTimestamp(raw: unknown): number | undefined | typeof UNREADABLE {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'number' && typeof raw !== 'string') return UNREADABLE;
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (typeof raw === 'string' && text === '') return undefined;
  const numeric = typeof raw === 'number' ? raw : EPOCH_NUMBER.test(text) ? Number(text) : null;
  if (numeric !== null) return Number.isFinite(numeric) ? Math.round(Math.abs(numeric) >= EPOCH_MS_THRESHOLD ? numeric : numeric * 1000) : UNREADABLE;
  if (!ISO_DATE_TIME.test(text)) return UNREADABLE;
  const iso = text.replace(' ', 'T');
  const ms = Date.parse(HAS_ZONE.test(iso) ? iso : `${iso}Z`);
  return Number.isFinite(ms) ? ms : UNREADABLE;
}

export const timestampField = z
  .custom<Loose>((raw) => readTimestamp(raw) !== UNREADABLE, { message: 'timestamp is neither epoch seconds, epoch milliseconds nor ISO 8601' })
  .optional();

/** The epoch ms a checked timestampField holds; missing or blank is undefined. */
export const epochMsOf = (raw: Loose | undefined): number | undefined => readTimestamp(raw) ?? undefined;

/** Why a request is not the protocol, in the shape of VALIDATION_FAILED details. */
export interface ParseIssue {
  path: string;
  message: string;
}

export const firstIssue = (error: z.ZodError): ParseIssue => {
  const issue = error.issues[0];
  return { path: issue?.path.join('.') ?? '', message: issue?.message ?? 'invalid' };
};
