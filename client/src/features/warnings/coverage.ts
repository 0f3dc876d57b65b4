import type { TownshipCoverage } from '@shared/schemas/warning';

export interface CoverageTotals {
  recipients: number;
  received: number;
  done: number;
  /** Answered (收到 or 已落实) out of those asked, 0–100, rounded down so 99.6 % never reads as all; null when nobody was asked. */
  receivedPercent: number | null;
  donePercent: number | null;
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.floor((part / whole) * 100));

export function coverageTotals(townships: readonly TownshipCoverage[]): CoverageTotals {
  const sum = (key: 'recipients' | 'received' | 'done') => townships.reduce((n, t) => n + t[key], 0);
  const recipients = sum('recipients');
  const received = sum('received');
  const done = sum('done');
  return { recipients, received, done, receivedPercent: percent(received, recipients), donePercent: percent(done, recipients) };
}

/** A township at a glance: nobody to ask, nobody answered yet, some, all answered 收到, all reported 已落实. */
export type TownshipStanding = 'no_contacts' | 'silent' | 'partial' | 'received' | 'done';

export function townshipStanding(c: TownshipCoverage): TownshipStanding {
  if (c.recipients === 0) return 'no_contacts';
  if (c.done >= c.recipients) return 'done';
  if (c.received >= c.recipients) return 'received';
  return c.received === 0 ? 'silent' : 'partial';
}

/** The townships that need the desk's attention first: silent, then partial, then the rest, each by name order given. */
export function townshipsByNeed(townships: readonly TownshipCoverage[]): TownshipCoverage[] {
  const rank: Record<TownshipStanding, number> = { silent: 0, no_contacts: 1, partial: 2, received: 3, done: 4 };
  return townships.map((t, i) => ({ t, i })).sort((a, b) => rank[townshipStanding(a.t)] - rank[townshipStanding(b.t)] || a.i - b.i).map(({ t }) => t);
}
