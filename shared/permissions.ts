import { BOARD_ROLES, ROLES, STAFF_ROLES, type Role } from './enums';

/**
 * The one permission table: every HTTP route contract (shared/routes) and every socket request names one
 * of these instead of listing roles by hand, so "who may do what" is read and changed in one place.
 */
export const PERMISSIONS = {
  /** Any signed-in screen (e.g. the header's "who is on watch"). */
  signedIn: ROLES,
  /** Watch the whole board: staff and the read-only wall kiosk. */
  watchBoard: BOARD_ROLES,
  /** The board, or a field tablet reading its own team's part (the handler narrows it). */
  watchBoardOrOwnTeam: [...BOARD_ROLES, 'field'],
  /** Command-centre staff: acknowledge alarms, dispatch, edit the wall layout. */
  staff: STAFF_ROLES,
  /** Staff, or a field tablet acting for its own team (the service narrows it). */
  staffOrOwnTeam: [...STAFF_ROLES, 'field'],
  /** The duty desk: records incidents, runs shelters, writes the duty log and handovers. */
  desk: ['commander', 'duty_officer'],
  /** Plans ahead: the duty roster and the reporting rules. */
  plan: ['admin', 'commander'],
  /** Starts, raises, lowers and ends a response, and confirms the actions its plan prepared. */
  respond: ['commander'],
  /** 签发: approves and issues or cancels the county's warnings. */
  signOff: ['commander'],
  /** Keeps the warning contacts registry (names and phone numbers of the people who must answer). */
  keepContacts: STAFF_ROLES,
  /** Keeps the registries (teams, shelters). */
  administer: ['admin'],
  /** A rescue team's tablet. */
  fieldTablet: ['field'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const rolesFor = (permission: Permission): readonly Role[] => PERMISSIONS[permission];

export const mayAct = (role: Role, permission: Permission): boolean => rolesFor(permission).includes(role);
