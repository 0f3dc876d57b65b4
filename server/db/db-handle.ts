import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/** The store or a transaction on it: readers take either, so they can run inside a caller's transaction. */
export type Db = Kysely<Database> | Transaction<Database>;
