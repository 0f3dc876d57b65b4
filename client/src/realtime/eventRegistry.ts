import type { EventType } from '@shared/schemas/event';
import { alarmsSync } from '../stores/alarms';
import { devicesSync } from '../stores/devices';
import { dispatchesSync } from '../stores/dispatches';
import { dutySync } from '../stores/duty';
import { incidentsSync } from '../stores/incidents';
import { positionsSync } from '../stores/positions';
import { sheltersSync } from '../stores/shelters';
import { suppliesSync } from '../stores/supplies';
import { teamsSync } from '../stores/teams';
import { usersSync } from '../stores/users';
import { videoSync } from '../stores/video';
import { wallLayoutSync } from '../stores/wallLayout';
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
