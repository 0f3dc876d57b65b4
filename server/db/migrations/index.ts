import type { Migration } from 'kysely';
import * as foundation from './0001_foundation';

/** Every migration, in order; the one list both dialects run. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': foundation,
};
