import type { Forecast, Storm, TrackPoint } from '../../shared/schemas/typhoon';
import { badInput, withMovement, type ParsedStorm } from './importers/parsed-storm';

/** The time of the newest data a parsed file holds: its last observed point or its latest forecast issue. */
export function versionOf(parsed: Pick<ParsedStorm, 'track' | 'forecasts'>): string {
  const times = [...parsed.track.map((p) => p.at), ...parsed.forecasts.map((f) => f.issuedAt)].map(Date.parse);
  return new Date(Math.max(...times)).toISOString();
}

export const stormIdOf = (number: string): string => `ty-${number}`;

/** The longest-lived storms on record lasted about a month: a storm whose data spans more is two storms, or a typing error. */
export const MAX_SPAN_DAYS = 45;

/** Refuses a storm whose observed and forecast times lie further apart than any storm lives (it would also cost the exposure dearly). */
export function checkSpan(storm: Pick<Storm, 'number' | 'track' | 'forecasts'>): void {
  const times = [...storm.track.map((p) => p.at), ...storm.forecasts.flatMap((f) => [f.issuedAt, ...f.points.map((p) => p.at)])].map(Date.parse);
  const days = (Math.max(...times) - Math.min(...times)) / 86_400_000;
  if (days > MAX_SPAN_DAYS) throw badInput(null, 'time', `storm ${storm.number}'s times span ${Math.round(days)} days (${new Date(Math.min(...times)).toISOString()} to ${new Date(Math.max(...times)).toISOString()}); a storm lasts ${MAX_SPAN_DAYS} days at most`);
}

export function newStorm(parsed: ParsedStorm, historical: boolean): Storm {
  return { id: stormIdOf(parsed.number), number: parsed.number, nameZh: parsed.nameZh, nameEn: parsed.nameEn, source: parsed.source, historical, archived: false, updatedAt: versionOf(parsed), track: parsed.track, forecasts: parsed.forecasts };
}

/**
 * Merges a file into the storm it names. Observed points are joined by time: a time only one side has is
 * kept; a time both have takes the point from the newer data (the incoming file when its version is at least
 * the storm's, else the stored one), so a late, older bulletin fills gaps but never overwrites. Each agency
 * keeps its latest forecast issue. Names fill in when missing and follow newer data. The version becomes the
 * newer of the two. Returns null when nothing changes.
 */
export function mergeInto(storm: Storm, parsed: ParsedStorm): Storm | null {
  const incomingVersion = versionOf(parsed);
  const incomingWins = Date.parse(incomingVersion) >= Date.parse(storm.updatedAt);
  const byTime = new Map<string, TrackPoint>(storm.track.map((p) => [p.at, p]));
  for (const p of parsed.track) if (incomingWins || !byTime.has(p.at)) byTime.set(p.at, p);
  const track = withMovement([...byTime.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map((p) => ({ ...p })));
  const forecasts = new Map<string, Forecast>(storm.forecasts.map((f) => [f.agency, f]));
  for (const f of parsed.forecasts) {
    const held = forecasts.get(f.agency);
    if (!held || Date.parse(f.issuedAt) >= Date.parse(held.issuedAt)) forecasts.set(f.agency, f);
  }
  const merged: Storm = {
    ...storm,
    nameZh: (incomingWins ? parsed.nameZh : null) ?? storm.nameZh ?? parsed.nameZh,
    nameEn: (incomingWins ? parsed.nameEn : null) ?? storm.nameEn ?? parsed.nameEn,
    updatedAt: incomingWins ? incomingVersion : storm.updatedAt,
    track,
    forecasts: [...forecasts.values()],
  };
  return JSON.stringify(merged) === JSON.stringify(storm) ? null : merged;
}
