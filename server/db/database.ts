import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { MIGRATIONS } from './migrations';
import { ImmediateSqliteDialect } from './immediate-sqlite-dialect';
import { SqliteBackground } from './sqlite-background';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  /**
   * For long reads (snapshots): on a SQLite file a separate read-only connection, so a read never holds the
   * connection that serves writes (WAL gives it a consistent view); otherwise the same as `db`.
   */
  readDb: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for the startup log. */
  location: string;
  /** The SQLite file, for online backups; null on PostgreSQL. */
  sqliteFile: string | null;
  /** SQLite file stores: the worker-thread connection for high-rate telemetry writes. */
  background: SqliteBackground | null;
  close(): Promise<void>;
}

export interface StoreOptions {
  databaseUrl?: string;
  /** PostgreSQL schema to use (created if missing); tests give each run its own. */
  schema?: string;
  /** SQLite file; ':memory:' for tests. */
  sqliteFile?: string;
}

const INT8_OID = 20;

/** FULL: a committed state change survives a power cut, not only a process crash. */
export const SQLITE_SYNCHRONOUS = 'FULL';

export async function openStore(options: StoreOptions): Promise<Store> {
  const store = options.databaseUrl ? await openPostgres(options.databaseUrl, options.schema) : openSqlite(options.sqliteFile ?? ':memory:');
  await migrateToLatest(store.db, options.databaseUrl ? options.schema : undefined);
  return store;
}

/** The database, its WAL and shared-memory files hold every password hash and position: owner only. */
export const SQLITE_FILE_MODE = 0o600;
export const DATA_DIR_MODE = 0o700;

/** Creates the file owner-only before SQLite does, and tightens one an older version left readable. */
function restrictSqliteFiles(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: DATA_DIR_MODE });
  fs.closeSync(fs.openSync(file, 'a', SQLITE_FILE_MODE));
  // SQLite creates -wal and -shm with the database file's mode; these may predate that.
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(f)) fs.chmodSync(f, SQLITE_FILE_MODE);
  }
}

function openSqlite(file: string): Store {
  if (file !== ':memory:') restrictSqliteFiles(file);
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma(`synchronous = ${SQLITE_SYNCHRONOUS}`);
  // Position history touches a page per team on every flush; keep those pages in memory.
  database.pragma('cache_size = -65536');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  let background: SqliteBackground | null = null;
  if (file !== ':memory:') {
    // The background connection checkpoints; a commit here never stops to copy the WAL.
    database.pragma('wal_autocheckpoint = 0');
    background = new SqliteBackground(file, (message) => console.error(`sqlite background writer: ${message}`));
  }
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database }) });
  const readDb = file === ':memory:' ? db : openSqliteReader(file);
  let closed = false;
  return {
    db,
    readDb,
    dialect: 'sqlite',
    location: file,
    sqliteFile: file === ':memory:' ? null : file,
    background,
    async close() {
      if (closed) return;
      closed = true;
      await background?.close();
      if (readDb !== db) await readDb.destroy();
      await db.destroy();
    },
  };
}

/** Deferred (plain BEGIN) transactions: a read never takes the write lock. */
function openSqliteReader(file: string): Kysely<Database> {
  const reader = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  reader.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: reader }) });
}

async function openPostgres(connectionString: string, schema: string | undefined): Promise<Store> {
  const parseTypes = {
    getTypeParser: ((oid: number, format?: string) =>
      oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
  };
  if (schema) {
    const admin = new pg.Client({ connectionString });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists "${schema}"`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    types: parseTypes,
    // Cut off from PostgreSQL (a half-open connection answers nothing), a request fails with STORE_UNAVAILABLE
    // within seconds instead of hanging, and a black-holed pooled connection is found out by keepalive.
    connectionTimeoutMillis: 5_000,
    query_timeout: 15_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 5_000,
    ...(schema ? { options: `-c search_path="${schema}"` } : {}),
  });
  // A connection that drops while its client is checked out emits 'error' with no pool listener on it, and an
  // unhandled 'error' ends the process. Its queries fail on their own (STORE_UNAVAILABLE) and the pool discards the
  // client on release, so the event itself needs no more than a listener.
  pool.on('connect', (client) => client.on('error', () => undefined));
  // An idle client whose connection drops is removed by the pool, which then emits 'error' on itself.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const url = new URL(connectionString);
  let closed = false;
  return {
    db,
    readDb: db,
    dialect: 'postgres',
    location: `postgresql://${url.host}${url.pathname}${schema ? ` (schema ${schema})` : ''}`,
    sqliteFile: null,
    background: null,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

async function migrateToLatest(db: Kysely<Database>, schema: string | undefined): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}

/** Drops a PostgreSQL schema and everything in it (tests). */
export async function dropPostgresSchema(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

export const booleanToInt = (b: boolean): number => (b ? 1 : 0);
export { sql };
