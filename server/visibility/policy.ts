import type { Role } from '../../shared/enums';
import type { Alarm } from '../../shared/schemas/alarm';
import type { Audience, EventPayload, EventType } from '../../shared/schemas/event';
import { ROOMS } from '../../shared/socket';

/**
 * The one visibility policy: who may see what. Every event is addressed to an audience chosen here from its
 * type and payload, and live routing (rooms), resync (the event log's SQL filter) and the snapshot all
 * derive what a viewer gets from `audienceFilter`. Nothing else decides.
 */

export interface Viewer {
  role: Role;
  teamId: string | null;
}

export const teamAudience = (teamId: string): Audience => `team:${teamId}`;

/** An SOS concerns its team (whose tablets see it); every other alarm is the board's. */
export const alarmAudience = (alarm: Alarm): Audience => (alarm.kind === 'sos' ? teamAudience(alarm.sourceId) : 'board');

type AudienceRule<T extends EventType> = Audience | ((payload: EventPayload<T>) => Audience);

/** The audience of every event type; a new event type fails typecheck until it is given one. */
const EVENT_AUDIENCE: { [T in EventType]: AudienceRule<T> } = {
  'team.created': (p) => teamAudience(p.team.id),
  'team.updated': (p) => teamAudience(p.team.id),
  'team.deleted': (p) => teamAudience(p.teamId),
  'team.status_changed': (p) => teamAudience(p.team.id),
  'user.created': 'admin',
  'user.updated': 'admin',
  'device.registered': 'admin',
  'device.revoked': 'admin',
  'session.revoked': 'admin',
  'auth.login': 'admin',
  'auth.login_failed': 'admin',
  'auth.logout': 'admin',
  'auth.password_changed': 'admin',
  'alarm.raised': (p) => alarmAudience(p.alarm),
  'alarm.acknowledged': (p) => alarmAudience(p.alarm),
  'alarm.cleared': (p) => alarmAudience(p.alarm),
  'wall.layout_changed': 'board',
  'incident.reported': 'board',
  'incident.updated': 'board',
  'incident.status_changed': 'board',
  'incident.severity_changed': 'board',
  'incident.note_added': 'board',
  'incident.attachment_added': 'board',
  'incident.report_done': 'board',
  'incident.reporting_rules_changed': 'board',
  'shelter.created': 'board',
  'shelter.updated': 'board',
  'shelter.status_changed': 'board',
  'shelter.occupancy_changed': 'board',
  'evacuation.township_reported': 'board',
  'depot.created': 'board',
  'depot.updated': 'board',
  'supply_item.created': 'board',
  'supply_item.updated': 'board',
  'stock.changed': 'board',
  'stock.threshold_set': 'board',
  'supply_run.allocated': 'board',
  'supply_run.departed': 'board',
  'supply_run.arrived': 'board',
  'supply_run.cancelled': 'board',
  'duty.shift_created': 'board',
  'duty.shift_updated': 'board',
  'duty.shift_deleted': 'board',
  'duty.handover_written': 'board',
  'duty.handover_acknowledged': 'board',
  'duty.log_added': 'board',
  'dispatch.assigned': (p) => teamAudience(p.teamId),
  'dispatch.stepped': (p) => teamAudience(p.teamId),
  'camera.registered': 'board',
  'camera.updated': 'board',
  'camera.removed': 'board',
  'typhoon.imported': 'board',
  'typhoon.updated': 'board',
  'typhoon.archived': 'board',
  'typhoon.signal_rules_changed': 'board',
  'warning.drafted': 'board',
  'warning.draft_edited': 'board',
  'warning.issued': 'board',
  'warning.replaced': 'board',
  // These carry the names and phones of the people who must answer (and the delivered texts, with their
  // personal links): the command centre's staff only. The wall follows the coverage counts.
  'warning.recipients_queued': 'staff',
  'warning.recipients_sent': 'staff',
  'warning.recipient_changed': 'staff',
  'warning.delivery_failed': 'staff',
  'warning.coverage_changed': 'board',
  'cap.received': 'board',
  'cap.replaced': 'board',
  'contact.saved': 'staff',
  'contact.removed': 'staff',
  // Station events carry the SL 651 password masked; admins read it from the registry route.
  'station.created': 'board',
  'station.updated': 'board',
  'station.deleted': 'board',
  'response.started': 'board',
  'response.raised': 'board',
  'response.lowered': 'board',
  'response.ended': 'board',
  'response.tasks_added': 'board',
  'response.tasks_changed': 'board',
  'response.plan_saved': 'board',
  'response.level_rules_changed': 'board',
  'response.evacuation_set': 'board',
  'response.evacuation_village_set': 'board',
};

/** Who an event is for. */
export function audienceOf<T extends EventType>(type: T, payload: EventPayload<T>): Audience {
  const rule: AudienceRule<T> = EVENT_AUDIENCE[type];
  return typeof rule === 'function' ? rule(payload) : rule;
}

/**
 * What a viewer may see, in a form a SQL query can apply: everything, only some audiences, or everything
 * except some. `canSee`, the resync query, the snapshot and the rooms are all read from this.
 */
export type AudienceFilter = { kind: 'all' } | { kind: 'only'; audiences: Audience[] } | { kind: 'except'; audiences: Audience[] };

export function audienceFilter(viewer: Viewer): AudienceFilter {
  switch (viewer.role) {
    case 'admin':
      return { kind: 'all' };
    case 'commander':
    case 'duty_officer':
      return { kind: 'except', audiences: ['admin'] };
    case 'wall':
      return { kind: 'except', audiences: ['admin', 'staff'] };
    case 'field':
      return { kind: 'only', audiences: viewer.teamId === null ? [] : [teamAudience(viewer.teamId)] };
  }
}

/** Whether a viewer may see something addressed to `audience`. */
export function canSee(viewer: Viewer, audience: string): boolean {
  const filter = audienceFilter(viewer);
  if (filter.kind === 'all') return true;
  const listed = (filter.audiences as string[]).includes(audience);
  return filter.kind === 'only' ? listed : !listed;
}

/** The teams whose own things (the team, its positions, dispatches, SOS) a viewer may see. */
export function visibleTeams(viewer: Viewer): { all: true } | { all: false; teamIds: string[] } {
  const filter = audienceFilter(viewer);
  if (filter.kind !== 'only') return { all: true };
  return { all: false, teamIds: filter.audiences.filter((a) => a.startsWith('team:')).map((a) => a.slice('team:'.length)) };
}

/** Socket.IO rooms a viewer's socket joins. */
export function viewerRooms(viewer: Viewer): string[] {
  const filter = audienceFilter(viewer);
  if (filter.kind === 'only') return filter.audiences.map((a) => (a.startsWith('team:') ? ROOMS.team(a.slice('team:'.length)) : a));
  return [ROOMS.board, ...(canSee(viewer, 'staff') ? [ROOMS.staff] : []), ...(canSee(viewer, 'admin') ? [ROOMS.admin] : [])];
}

/** Socket.IO rooms an event addressed to `audience` is sent to: exactly the sockets whose viewer `canSee` it. */
export function audienceRooms(audience: Audience): string[] {
  if (audience === 'admin') return [ROOMS.admin];
  if (audience === 'staff') return [ROOMS.staff];
  if (audience === 'board') return [ROOMS.board];
  return [ROOMS.board, ROOMS.team(audience.slice('team:'.length))];
}
