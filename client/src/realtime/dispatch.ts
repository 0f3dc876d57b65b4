import type { DomainEvent } from '@shared/schemas/event';
import { useAlarmsStore } from '../stores/alarms';
import { useDevicesStore } from '../stores/devices';
import { useDispatchesStore } from '../stores/dispatches';
import { useDutyStore } from '../stores/duty';
import { useIncidentsStore } from '../stores/incidents';
import { useSheltersStore } from '../stores/shelters';
import { useSuppliesStore } from '../stores/supplies';
import { usePositionsStore } from '../stores/positions';
import { useTeamsStore } from '../stores/teams';
import { useUsersStore } from '../stores/users';
import { useWallLayoutStore } from '../stores/wallLayout';
import { useVideoStore } from '../stores/video';
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
  const incidents = useIncidentsStore();
  const shelters = useSheltersStore();
  const supplies = useSuppliesStore();
  const duty = useDutyStore();
  const video = useVideoStore();

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
      incidents.reset(snapshot.incidents);
      shelters.reset(snapshot.shelters, snapshot.townshipEvacuations);
      supplies.reset(snapshot);
      duty.reset(snapshot.dutyShifts, snapshot.handovers);
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
        case 'incident.reported':
        case 'incident.updated':
        case 'incident.status_changed':
        case 'incident.severity_changed':
        case 'incident.note_added':
        case 'incident.attachment_added':
        case 'incident.report_done':
          incidents.applyEvent(event);
          break;
        case 'shelter.created':
        case 'shelter.updated':
        case 'shelter.status_changed':
        case 'shelter.occupancy_changed':
        case 'evacuation.township_reported':
          shelters.applyEvent(event);
          break;
        case 'supply_run.arrived':
          // A delivery to a shelter changes the shelter's supplies on hand too.
          supplies.applyEvent(event);
          shelters.applyEvent(event);
          break;
        case 'depot.created':
        case 'depot.updated':
        case 'supply_item.created':
        case 'supply_item.updated':
        case 'stock.changed':
        case 'stock.threshold_set':
        case 'supply_run.allocated':
        case 'supply_run.departed':
        case 'supply_run.cancelled':
          supplies.applyEvent(event);
          break;
        case 'duty.shift_created':
        case 'duty.shift_updated':
        case 'duty.shift_deleted':
        case 'duty.handover_written':
        case 'duty.handover_acknowledged':
        case 'duty.log_added':
          duty.applyEvent(event);
          break;
        case 'camera.registered':
        case 'camera.updated':
        case 'camera.removed':
          video.applyEvent(event);
          break;
        case 'session.revoked':
        case 'auth.login':
        case 'auth.login_failed':
        case 'auth.logout':
        case 'auth.password_changed':
          // Audit trail only; our own revocation arrives as `session:ended`.
          break;
        default:
          // Audit-only events (reporting rules) have no client store yet.
          break;
      }
    },
    positions(fixes) {
      positions.applyBatch(fixes);
    },
  };
}
