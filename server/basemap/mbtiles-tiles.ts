import Database from 'better-sqlite3';
import { tmsRow } from '../../shared/tiles';
import { contentTypeOf, type Tile, type TileStore } from './tile-store';

/** An MBTiles file (SQLite): its rows count from the south (TMS), so the XYZ row is flipped. */
export class MbtilesTiles implements TileStore {
  private readonly db: Database.Database;
  private readonly query: Database.Statement<[number, number, number], { tile_data: Buffer }>;
  private readonly contentType: string;
  private readonly meta: Map<string, string>;

  constructor(file: string, private readonly attribution: string | undefined) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.meta = new Map(this.db.prepare<[], { name: string; value: string }>('SELECT name, value FROM metadata').all().map((r) => [r.name, r.value]));
    const format = this.meta.get('format') ?? 'png';
    const type = contentTypeOf(format);
    if (!type) {
      this.db.close();
      throw new Error(`${file}: format ${format} is not a raster tile format`);
    }
    this.contentType = type;
    this.query = this.db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
  }

  describe() {
    const zooms = this.db.prepare<[], { min: number | null; max: number | null }>('SELECT MIN(zoom_level) AS min, MAX(zoom_level) AS max FROM tiles').get();
    const num = (key: string, fallback: number) => (Number.isInteger(Number(this.meta.get(key))) && this.meta.has(key) ? Number(this.meta.get(key)) : fallback);
    return { minZoom: num('minzoom', zooms?.min ?? 0), maxZoom: num('maxzoom', zooms?.max ?? 18), attribution: this.attribution ?? this.meta.get('attribution') ?? '' };
  }

  read(z: number, x: number, y: number): Promise<Tile | null> {
    const row = this.query.get(z, x, tmsRow(z, y));
    return Promise.resolve(row ? { data: row.tile_data, contentType: this.contentType } : null);
  }

  close(): void {
    this.db.close();
  }
}
