import type { DomainEvent } from '@shared/schemas/event';
import { useAlarmsStore } from '../stores/alarms';
import { useDevicesStore } from '../stores/devices';
import { useDispatchesStore } from '../stores/dispatches';
import { usePositionsStore } from '../stores/positions';
import { useTeamsStore } from '../stores/teams';
import { useUsersStore } from '../stores/users';
import { useWallLayoutStore } from '../stores/wallLayout';
import type { SyncSink } from './syncSession';

export interface DispatchHooks {
  /** A layout change may widen the trail window, which needs a trail reload. */
  onTrailWindowGrew?: () => void;
}

/** Routes synchronised state into the domain stores; the only writer of server state. */
export function createStoreSink(hooks: DispatchHooks = {}): SyncSink {
  const teams = useTeamsStore();
  const positions = usePositionsStore();
  const alarms = useAlarmsStore();
  const wallLayout = useWallLayoutStore();
  const users = useUsersStore();
  const devices = useDevicesStore();
  const dispatches = useDispatchesStore();

  const followLayout = () => {
    if (positions.setTrailMinutes(wallLayout.layout.trailMinutes)) hooks.onTrailWindowGrew?.();
  };

  return {
    reset(snapshot, fixes) {
      teams.reset(snapshot.teams);
      alarms.reset(snapshot.alarms);
      wallLayout.reset(snapshot.wallLayout);
      users.reset(snapshot.users);
      devices.reset(snapshot.devices);
      dispatches.reset(snapshot.dispatches);
      positions.retainTeams(new Set(snapshot.teams.map((t) => t.id)));
      positions.replaceLatest(fixes);
      followLayout();
    },
    apply(event: DomainEvent) {
      switch (event.type) {
        case 'team.created':
        case 'team.updated':
        case 'team.status_changed':
          teams.applyEvent(event);
          break;
        case 'team.deleted':
          teams.applyEvent(event);
          positions.removeTeam(event.payload.teamId);
          break;
        case 'alarm.raised':
        case 'alarm.acknowledged':
        case 'alarm.cleared':
          alarms.applyEvent(event);
          break;
        case 'wall.layout_changed':
          wallLayout.applyEvent(event);
          followLayout();
          break;
        case 'user.created':
        case 'user.updated':
          users.applyEvent(event);
          break;
        case 'device.registered':
        case 'device.revoked':
          devices.applyEvent(event);
          break;
        case 'dispatch.assigned':
        case 'dispatch.stepped':
          dispatches.applyEvent(event);
          break;
        case 'session.revoked':
        case 'auth.login':
        case 'auth.login_failed':
        case 'auth.logout':
        case 'auth.password_changed':
          // Audit trail only; our own revocation arrives as `session:ended`.
          break;
        default:
          // Domains without a client store yet (the incident board, shelters and supplies) are ignored.
          break;
      }
    },
    positions(fixes) {
      positions.applyBatch(fixes);
    },
  };
}
