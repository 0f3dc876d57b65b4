import { MAX_REVIEW_DAYS } from '@shared/schemas/review';

/** The window a review covers, as the desk chooses it and the report page's address carries it. */
export interface ReviewChoice {
  from: string;
  to: string;
  exercise: boolean;
}

export const WINDOW_PRESETS = ['last6h', 'last24h', 'custom'] as const;
export type WindowPreset = (typeof WINDOW_PRESETS)[number];

const HOUR = 3_600_000;
const BEIJING_OFFSET = 8 * HOUR;

/** A preset's window ending now (to the minute); `custom` keeps the given one. */
export function presetWindow(preset: WindowPreset, now: number, current: { from: string; to: string }): { from: string; to: string } {
  if (preset === 'custom') return current;
  const to = Math.floor(now / 60_000) * 60_000;
  return { from: new Date(to - (preset === 'last6h' ? 6 : 24) * HOUR).toISOString(), to: new Date(to).toISOString() };
}

export function validWindow(from: string, to: string): boolean {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return Number.isFinite(a) && Number.isFinite(b) && b > a && b - a <= MAX_REVIEW_DAYS * 24 * HOUR;
}

/** The query of the report's address and API calls. */
export const choiceQuery = (c: ReviewChoice): { from: string; to: string; exercise: 'true' | 'false' } => ({ from: c.from, to: c.to, exercise: c.exercise ? 'true' : 'false' });

/** A choice read back from an address; null when it names no valid window. */
export function choiceFrom(query: Record<string, unknown>): ReviewChoice | null {
  const { from, to, exercise } = query;
  if (typeof from !== 'string' || typeof to !== 'string' || !validWindow(from, to)) return null;
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), exercise: exercise === 'true' };
}

/** An instant as a `datetime-local` value in Beijing time (the desk's clock, whatever the browser's zone). */
export const toBeijingInput = (iso: string): string => new Date(Date.parse(iso) + BEIJING_OFFSET).toISOString().slice(0, 16);

/** A `datetime-local` value read as Beijing time; null when it is not one. */
export function fromBeijingInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const t = Date.parse(`${value}:00Z`);
  return Number.isFinite(t) ? new Date(t - BEIJING_OFFSET).toISOString() : null;
}
