import type { EventType } from '@shared/schemas/event';
import { alarmsSync } from '../../features/alarms/store';
import { devicesSync } from '../../features/devices/store';
import { dispatchesSync } from '../../features/dispatches/store';
import { dutySync } from '../../features/duty/store';
import { gaugesSync } from '../../features/gauges/store';
import { incidentsSync } from '../../features/incidents/store';
import { positionsSync } from '../../features/positions/store';
import { sheltersSync } from '../../features/shelters/store';
import { suppliesSync } from '../../features/supplies/store';
import { teamsSync } from '../../features/teams/store';
import { typhoonSync } from '../../features/typhoon/store';
import { responseSync } from '../../features/response/store';
import { usersSync } from '../../features/auth/usersStore';
import { videoSync } from '../../features/video/store';
import { wallLayoutSync } from '../../features/wall/store';
import { contactsSync } from '../../features/warnings/contactsStore';
import { warningsSync } from '../../features/warnings/store';
import type { SyncedStore } from './syncedStore';

/**
 * Every store fed by the synchronised state, in the order a snapshot is applied (positions last: they
 * follow the teams and the wall layout). The event router and the logout reset are built from this list.
 */
export const SYNCED_STORES = [
  teamsSync,
  alarmsSync,
  wallLayoutSync,
  usersSync,
  devicesSync,
  dispatchesSync,
  incidentsSync,
  sheltersSync,
  suppliesSync,
  dutySync,
  videoSync,
  typhoonSync,
  warningsSync,
  contactsSync,
  responseSync,
  gaugesSync,
  positionsSync,
] as const;

/** Events no store holds: the audit trail (our own revocation arrives as `session:ended`) and reporting rules. */
export const IGNORED_EVENTS = [
  'session.revoked',
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_changed',
  'incident.reporting_rules_changed',
] as const satisfies readonly EventType[];

type HandledBy<S> = S extends SyncedStore<infer E> ? E : never;
type Unrouted = Exclude<EventType, HandledBy<(typeof SYNCED_STORES)[number]> | (typeof IGNORED_EVENTS)[number]>;

/** Fails typecheck, naming the event types, when one has neither a store nor an entry in IGNORED_EVENTS. */
export const EVERY_EVENT_ROUTED: [Unrouted] extends [never] ? true : { unroutedEventTypes: Unrouted } = true;
