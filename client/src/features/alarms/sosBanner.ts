import type { Alarm } from '@shared/schemas/alarm';
import { townshipAt } from '@shared/townships';

/** One team's SOS as the banner shows it: which team, when, where, and who acknowledged it. */
export interface SosBannerEntry {
  alarmId: string;
  teamId: string;
  teamName: string;
  reportedBy: string;
  note: string;
  raisedAt: string;
  /** Where the tablet was when it sent the SOS (null if the alarm carries no position). */
  position: { lat: number; lon: number; township: string | null } | null;
  acknowledged: boolean;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Every open SOS, unacknowledged first, then oldest first (the longest wait on top). */
export function sosBannerEntries(open: readonly Alarm[], teamName: (teamId: string) => string | undefined): SosBannerEntry[] {
  return open
    .filter((a) => a.kind === 'sos')
    .map((a): SosBannerEntry => {
      const { lat, lon } = a.params;
      const position = typeof lat === 'number' && typeof lon === 'number' ? { lat, lon, township: townshipAt({ lat, lon }) } : null;
      return {
        alarmId: a.id,
        teamId: a.sourceId,
        teamName: text(a.params.teamName) || teamName(a.sourceId) || a.sourceId,
        reportedBy: text(a.params.reportedBy),
        note: text(a.params.note),
        raisedAt: a.raisedAt,
        position,
        acknowledged: a.state === 'acknowledged',
        acknowledgedBy: a.acknowledgedBy,
        acknowledgedAt: a.acknowledgedAt,
      };
    })
    .sort((a, b) => Number(a.acknowledged) - Number(b.acknowledged) || a.raisedAt.localeCompare(b.raisedAt));
}

/** The teams with an open SOS and whether anyone has acknowledged it, for the map. */
export function sosTeams(open: readonly Alarm[]): Map<string, 'raised' | 'acknowledged'> {
  const teams = new Map<string, 'raised' | 'acknowledged'>();
  for (const a of open) if (a.kind === 'sos' && (a.state === 'raised' || a.state === 'acknowledged')) teams.set(a.sourceId, a.state);
  return teams;
}
