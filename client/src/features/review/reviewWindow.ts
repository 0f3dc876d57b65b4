import { MAX_REVIEW_DAYS } from '@shared/schemas/review';

/** The window a review covers, as the desk chooses it and the report page's address carries it. */
export interface ReviewChoice {
  from: string;
  to: string;
  exercise: boolean;
}

export const WINDOW_PRESETS = ['last6h', 'last24h', 'response', 'custom'] as const;
export type WindowPreset = (typeof WINDOW_PRESETS)[number];

const HOUR = 3_600_000;
const MINUTE = 60_000;
const BEIJING_OFFSET = 8 * HOUR;

/** What the `response` preset needs of the response it reviews. */
export interface ResponseStart {
  startedAt: string;
  exercise: boolean;
}

/** The response the `response` preset reviews: a real one before a drill, the earliest started first. */
export function currentResponse<R extends ResponseStart & { state: string }>(responses: readonly R[]): R | null {
  const active = responses.filter((r) => r.state === 'active');
  return [...active].sort((a, b) => Number(a.exercise) - Number(b.exercise) || a.startedAt.localeCompare(b.startedAt))[0] ?? null;
}

/**
 * A preset's window ending now (to the minute); `response` runs from the response's activation (its minute) to the
 * minute after now, at most 31 days back; `custom` keeps the given one, as does `response` without a response.
 */
export function presetWindow(preset: WindowPreset, now: number, current: { from: string; to: string }, response: ResponseStart | null = null): { from: string; to: string } {
  if (preset === 'custom' || (preset === 'response' && !response)) return current;
  if (preset === 'response' && response) {
    const end = Math.ceil(now / MINUTE) * MINUTE;
    const start = Math.max(Math.floor(Date.parse(response.startedAt) / MINUTE) * MINUTE, end - MAX_REVIEW_DAYS * 24 * HOUR);
    return { from: new Date(Math.min(start, end - MINUTE)).toISOString(), to: new Date(end).toISOString() };
  }
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
