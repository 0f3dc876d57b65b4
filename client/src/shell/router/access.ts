import { BOARD_ROLES, STAFF_ROLES, type Role } from '@shared/enums';

/** Where each role lands after login and when it opens `/`. */
export function homePathFor(role: Role | null | undefined): string {
  switch (role) {
    case 'wall':
      return '/wall';
    case 'field':
      return '/field';
    case 'admin':
    case 'commander':
    case 'duty_officer':
      return '/desk';
    default:
      return '/login';
  }
}

export const ROUTE_ROLES = {
  wall: BOARD_ROLES,
  desk: STAFF_ROLES,
  field: ['field'],
  admin: ['admin'],
  /** The after-action report and an entity's history: staff. */
  review: STAFF_ROLES,
} as const satisfies Record<string, readonly Role[]>;

export function mayEnter(role: Role | null | undefined, allowed: readonly Role[] | undefined): boolean {
  if (!allowed) return true;
  return role != null && allowed.includes(role);
}

/** Only same-site paths are followed after login, never a full URL from the query string. */
export function safeRedirect(target: unknown): string | null {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//')) return null;
  if (target.startsWith('/login')) return null;
  return target;
}
