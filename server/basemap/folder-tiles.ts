import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentTypeOf, RASTER_FORMATS, type Tile, type TileStore } from './tile-store';

/**
 * A folder of `{z}/{x}/{y}.png` (or .jpg/.webp). The path is built from validated integers only, so a
 * request cannot leave the folder.
 */
export class FolderTiles implements TileStore {
  private readonly zooms: number[];

  constructor(
    private readonly root: string,
    private readonly attribution: string,
  ) {
    this.zooms = readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && /^\d{1,2}$/.test(e.name))
      .map((e) => Number(e.name))
      .sort((a, b) => a - b);
    if (!this.zooms.length) throw new Error(`${root}: no zoom folders ({z}/{x}/{y}.png)`);
  }

  describe() {
    return { minZoom: this.zooms[0]!, maxZoom: this.zooms[this.zooms.length - 1]!, attribution: this.attribution };
  }

  async read(z: number, x: number, y: number): Promise<Tile | null> {
    for (const ext of RASTER_FORMATS) {
      try {
        const data = await readFile(path.join(this.root, String(z), String(x), `${y}.${ext}`));
        return { data, contentType: contentTypeOf(ext)! };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
      }
    }
    return null;
  }

  close(): void {}
}
