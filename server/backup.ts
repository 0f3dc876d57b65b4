import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { loadConfig } from './config/config';

/** `npm run backup`: an online backup of the SQLite store while the server keeps running. */
async function backup(): Promise<void> {
  const config = loadConfig();
  if (config.DATABASE_URL) {
    console.log('PostgreSQL store: back it up with pg_dump, e.g.');
    console.log(`  pg_dump --format=custom --file=tidewatch-$(date +%F).dump "${config.DATABASE_URL}"`);
    return;
  }
  const source = path.join(config.dataDir, 'tidewatch.sqlite');
  if (!fs.existsSync(source)) throw new Error(`no database at ${source}`);
  const dir = path.join(config.dataDir, 'backups');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, `tidewatch-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
  const db = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
  try {
    // Owner-only like the database it copies: created empty first, SQLite keeps the mode.
    fs.closeSync(fs.openSync(target, 'wx', 0o600));
    await db.backup(target);
  } finally {
    db.close();
  }
  console.log(`backup written: ${target}`);
}

backup().catch((error) => {
  console.error('backup failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
