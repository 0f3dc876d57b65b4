import type { AlarmService } from '../alarms/alarm-service';
import type { TrackerSos } from './intake';

/**
 * A tracker app's SOS raises the same alarm as a tablet's SOS button: critical, ringing, one per team
 * until the desk resolves it. The apps send it once without retry, so it is stored before the 2xx.
 */
export const trackerSos =
  (alarms: Pick<AlarmService, 'raise'>, teamName: (teamId: string) => string | undefined): TrackerSos =>
  async (identity, position) => {
    await alarms.raise({
      kind: 'sos',
      severity: 'critical',
      sound: 'repeat',
      sourceType: 'team',
      sourceId: identity.teamId,
      params: {
        teamName: teamName(identity.teamId) ?? identity.teamId,
        reportedBy: identity.name,
        lat: position?.lat ?? null,
        lon: position?.lon ?? null,
        at: position ? new Date(position.t).toISOString() : null,
        note: '',
      },
    });
  };
