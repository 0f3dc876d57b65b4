import { z } from 'zod';

/** A fix as a tracker protocol describes it, normalised to m/s, degrees, metres, percent and epoch ms. Ranges are checked later. */
export interface FixFields {
  lat: number;
  lon: number;
  t: number;
  speed: number | null;
  heading: number | null;
  accuracy: number | null;
  altitude: number | null;
  battery: number | null;
}

export const KNOTS_TO_MPS = 1852 / 3600;
export const KMH_TO_MPS = 1 / 3.6;

const toNumberOrBlank = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : Number(trimmed);
};

/** A number, or a numeric string (query strings and form bodies carry only strings). */
export const looseNumber = z.preprocess(toNumberOrBlank, z.number());
/** Like looseNumber, but missing or blank is undefined. */
export const optionalNumber = z.preprocess(toNumberOrBlank, z.number().optional());

/** Trackers send -1 for "unknown" speed, heading, accuracy or battery. */
export const unknownIfNegative = (value: number | undefined, scale = 1): number | null =>
  value === undefined || value < 0 ? null : value * scale;

/** Epoch seconds and epoch milliseconds are told apart by size: 1e11 s is the year 5138, 1e11 ms is 1973. */
const EPOCH_MS_THRESHOLD = 1e11;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

/** Epoch seconds, epoch milliseconds or ISO 8601 (UTC when it names no zone) → epoch ms; missing → undefined. */
export const timestampField = z.union([z.number(), z.string()]).optional().transform((raw, ctx): number | undefined => {
  if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return undefined;
  const text = typeof raw === 'string' ? raw.trim() : '';
  const numeric = typeof raw === 'number' ? raw : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
  if (numeric !== null) {
    if (Number.isFinite(numeric)) return Math.round(Math.abs(numeric) >= EPOCH_MS_THRESHOLD ? numeric : numeric * 1000);
  } else if (ISO_DATE_TIME.test(text)) {
    const iso = text.replace(' ', 'T');
    const ms = Date.parse(HAS_ZONE.test(iso) ? iso : `${iso}Z`);
    if (Number.isFinite(ms)) return ms;
  }
  ctx.addIssue({ code: 'custom', message: 'timestamp is neither epoch seconds, epoch milliseconds nor ISO 8601' });
  return z.NEVER;
});

/** Why a request is not the protocol, in the shape of VALIDATION_FAILED details. */
export interface ParseIssue {
  path: string;
  message: string;
}

export const firstIssue = (error: z.ZodError): ParseIssue => {
  const issue = error.issues[0];
  return { path: issue?.path.join('.') ?? '', message: issue?.message ?? 'invalid' };
};
