import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jpegBytes } from '../incidents/test-support';
import { AttachmentFiles } from '../incidents/attachment-files';
import { openStore, type Store } from './database';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const dirs: string[] = [];
let store: Store | null = null;

function freshDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidewatch-modes-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await store?.close();
  store = null;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('files holding user data are owner-only', () => {
  it('creates the SQLite database, its WAL and shared-memory files 0600 and a new data folder 0700', async () => {
    const dataDir = path.join(freshDir(), 'data');
    const file = path.join(dataDir, 'tidewatch.sqlite');
    store = await openStore({ sqliteFile: file });
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(fs.existsSync(`${file}-shm`)).toBe(true);
    expect([modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual([0o600, 0o600, 0o600]);
    expect(modeOf(dataDir)).toBe(0o700);
  });

  it('tightens a database an older version left world-readable', async () => {
    const file = path.join(freshDir(), 'tidewatch.sqlite');
    store = await openStore({ sqliteFile: file });
    await store.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, 0o644);
    store = await openStore({ sqliteFile: file });
    expect(modeOf(file)).toBe(0o600);
    for (const f of [`${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) expect(modeOf(f)).toBe(0o600);
  });

  it('stores incident photos 0600 in a 0700 folder, tightening an existing folder', async () => {
    const dir = path.join(freshDir(), 'attachments');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    const files = new AttachmentFiles(dir);
    const jpeg = jpegBytes(40, 30);
    const stored = await files.store({ mime: 'image/jpeg', dataBase64: jpeg.toString('base64') });
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(files.pathOf(stored.sha256, 'image/jpeg'))).toBe(0o600);
  });
});
