import type { Storm } from '@shared/schemas/typhoon';

/**
 * Storms as the board lists them: live ones before historical ones (a past storm is reference, never the
 * emergency), each group newest data first, then by number.
 */
export function orderStorms(storms: readonly Storm[]): Storm[] {
  return [...storms].sort((a, b) => Number(a.historical) - Number(b.historical) || b.updatedAt.localeCompare(a.updatedAt) || b.number.localeCompare(a.number));
}

/** The storm the wall follows: the live storm with the newest data, else the newest historical one (a demo). */
export const focusStorm = (storms: readonly Storm[]): Storm | null => orderStorms(storms.filter((s) => !s.archived))[0] ?? null;

/** Keeps the newer of two versions of a storm (versions are update times; a late older one never wins). */
export function newerStorm(current: Storm | undefined, incoming: Storm): Storm {
  if (!current) return incoming;
  if (incoming.updatedAt > current.updatedAt) return incoming;
  // Same version, but archived or re-marked since: the change of flags is the news.
  if (incoming.updatedAt === current.updatedAt) return incoming;
  return current;
}
