/**
 * Small tile sets written by tests: solid-colour PNG tiles, as a folder, an MBTiles file and a PMTiles v3
 * archive (written here from the PMTiles v3 specification: the `pmtiles` package only reads).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { zxyToTileId } from 'pmtiles';
import { tmsRow, type TileAddress } from '../../shared/tiles';

/** A 256×256 PNG of one colour (RGB). */
export function solidPng([r, g, b]: [number, number, number], size = 256): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.alloc(1 + size * 3);
  for (let i = 0; i < size; i++) row.set([r, g, b], 1 + i * 3);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

export interface TestTile extends TileAddress {
  data: Buffer;
}

export function writeTileFolder(root: string, tiles: readonly TestTile[]): void {
  for (const t of tiles) {
    mkdirSync(path.join(root, String(t.z), String(t.x)), { recursive: true });
    writeFileSync(path.join(root, String(t.z), String(t.x), `${t.y}.png`), t.data);
  }
}

/** MBTiles 1.3: rows stored TMS-style (south first). */
export function writeMbtiles(file: string, tiles: readonly TestTile[], meta: Record<string, string> = {}): void {
  const db = new Database(file);
  db.exec('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);');
  const putMeta = db.prepare('INSERT INTO metadata VALUES (?, ?)');
  for (const [k, v] of Object.entries({ name: 'test', format: 'png', ...meta })) putMeta.run(k, v);
  const put = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)');
  for (const t of tiles) put.run(t.z, t.x, tmsRow(t.z, t.y), t.data);
  db.close();
}

function varints(values: number[]): Buffer {
  const bytes: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      bytes.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    bytes.push(v);
  }
  return Buffer.from(bytes);
}

/** PMTiles v3, one uncompressed root directory, PNG tiles, no compression anywhere. */
export function writePmtiles(file: string, tiles: readonly TestTile[], metadata: Record<string, unknown> = {}): void {
  const entries = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data })).sort((a, b) => a.id - b.id);
  let offset = 0;
  const placed = entries.map((e) => {
    const at = offset;
    offset += e.data.length;
    return { ...e, offset: at };
  });
  const ids = placed.map((e, i) => e.id - (i ? placed[i - 1]!.id : 0));
  // Offsets are written +1, or 0 for "right after the previous tile".
  const directory = Buffer.concat([varints([placed.length]), varints(ids), varints(placed.map(() => 1)), varints(placed.map((e) => e.data.length)), varints(placed.map((e, i) => (i > 0 ? 0 : e.offset + 1)))]);
  const meta = Buffer.from(JSON.stringify(metadata));
  const tileData = Buffer.concat(placed.map((e) => e.data));
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const u64 = (value: number, at: number) => header.writeBigUInt64LE(BigInt(value), at);
  const rootAt = 127;
  const metaAt = rootAt + directory.length;
  const dataAt = metaAt + meta.length;
  [rootAt, directory.length, metaAt, meta.length, dataAt, 0, dataAt, tileData.length, placed.length, placed.length, placed.length].forEach((v, i) => u64(v, 8 + i * 8));
  const zooms = tiles.map((t) => t.z);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(1, 98); // tile compression: none
  header.writeUInt8(2, 99); // PNG
  header.writeUInt8(Math.min(...zooms), 100);
  header.writeUInt8(Math.max(...zooms), 101);
  header.writeInt32LE(-180e7, 102);
  header.writeInt32LE(-85e7, 106);
  header.writeInt32LE(180e7, 110);
  header.writeInt32LE(85e7, 114);
  writeFileSync(file, Buffer.concat([header, directory, meta, tileData]));
}
