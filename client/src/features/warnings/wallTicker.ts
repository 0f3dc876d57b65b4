import type { CapAlert } from '@shared/schemas/cap-alert';
import { WARNING_COLOURS, type Warning, type WarningColour, type WarningCoverage } from '@shared/schemas/warning';
import { capColour, capInfoIn, capInForce } from './capModel';
import { coverageTotals, type CoverageTotals } from './coverage';
import { standingOf, textIn } from './warningBoard';

/** One line of the wall's warning panel. */
export interface TickerItem {
  key: string;
  /** The county's own warning, or an alert received from another publisher. */
  source: 'county' | 'received';
  colour: WarningColour | null;
  headline: string;
  /** Townships for the county's warnings; the areas' descriptions for a received alert. */
  places: string[];
  /** The publisher of a received alert (in the reader's language when given). */
  sender: string | null;
  exercise: boolean;
  /** The county's warnings only: who has answered. */
  coverage: CoverageTotals | null;
  sent: string;
}

const severity = (c: WarningColour | null) => (c === null ? -1 : WARNING_COLOURS.indexOf(c));

/**
 * What the wall lists: every warning in force, the county's and the received ones together, real before
 * exercises, the most severe first, then the newest. Headlines in the wall's language.
 */
export function tickerItems(input: { warnings: readonly Warning[]; capAlerts: readonly CapAlert[]; coverage: Readonly<Record<string, WarningCoverage>>; locale: string; now: number }): TickerItem[] {
  const county: TickerItem[] = input.warnings
    .filter((w) => w.msgType !== 'Cancel' && standingOf(w, input.now) === 'in_force')
    .map((w) => {
      const coverage = input.coverage[w.id];
      return {
        key: w.id,
        source: 'county',
        colour: w.colour,
        headline: textIn(w, input.locale).headline,
        places: w.townships,
        sender: null,
        exercise: w.exercise,
        coverage: coverage ? coverageTotals(coverage.townships) : null,
        sent: w.issuedAt ?? w.updatedAt,
      };
    });
  const received: TickerItem[] = input.capAlerts
    .filter((a) => capInForce(a, input.now))
    .map((a) => {
      const info = capInfoIn(a, input.locale);
      return {
        key: a.id,
        source: 'received',
        colour: capColour(a),
        headline: info?.headline || info?.event || a.identifier,
        places: (info?.areas ?? []).map((area) => area.description).filter(Boolean),
        sender: info?.senderName || a.sender,
        exercise: a.status === 'Exercise',
        coverage: null,
        sent: a.sent,
      };
    });
  return [...county, ...received].sort((a, b) => Number(a.exercise) - Number(b.exercise) || severity(b.colour) - severity(a.colour) || b.sent.localeCompare(a.sent));
}
