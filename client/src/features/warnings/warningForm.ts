import type { Exposure } from '@shared/schemas/typhoon-exposure';
import { WARNING_COLOURS, type WarningColour } from '@shared/schemas/warning';

const BEIJING_MS = 8 * 3_600_000;

/** An instant as a `datetime-local` value in Beijing time (what the officer reads and types). */
export function beijingInput(iso: string | number): string {
  return new Date(new Date(iso).getTime() + BEIJING_MS).toISOString().slice(0, 16);
}

/** A `datetime-local` value read as Beijing time, as a UTC instant; null when empty or not a time. */
export function fromBeijingInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}:00.000Z`) - BEIJING_MS;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** How long a new warning stays in force unless the officer says otherwise, per colour (the more severe, the sooner reviewed). */
const DEFAULT_HOURS: Record<WarningColour, number> = { blue: 24, yellow: 24, orange: 12, red: 6 };

export function defaultExpiry(colour: WarningColour, now: number): string {
  return new Date(Math.ceil((now + DEFAULT_HOURS[colour] * 3_600_000) / 600_000) * 600_000).toISOString();
}

/** Adds or removes one township, keeping the list in the county's order. */
export function toggleTownship(selected: readonly string[], township: string, order: readonly string[]): string[] {
  const next = new Set(selected);
  if (next.has(township)) next.delete(township);
  else next.add(township);
  return order.filter((t) => next.has(t));
}

export interface TyphoonFill {
  townships: string[];
  /** The signal the storm suggests, when it suggests one. */
  colour: WarningColour | null;
}

/**
 * What the loaded storm's exposure says a typhoon warning should cover: the townships the force-7 circle
 * reaches or is expected to reach (inside now, or reached on the path), and the suggested signal colour.
 */
export function typhoonFill(exposure: Exposure, order: readonly string[]): TyphoonFill {
  const reached = new Set(exposure.townships.filter((t) => t.insideNow.level7 === true || t.circles.level7.state === 'reached').map((t) => t.name));
  const signal = exposure.suggestion.state === 'suggested' ? exposure.suggestion.signal : null;
  const colour = signal && (WARNING_COLOURS as readonly string[]).includes(signal) ? (signal as WarningColour) : null;
  return { townships: order.filter((t) => reached.has(t)), colour };
}
