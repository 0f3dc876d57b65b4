import { open, type FileHandle } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { Compression, PMTiles, TileType, type Header, type RangeResponse, type Source } from 'pmtiles';
import { contentTypeOf, type Tile, type TileStore } from './tile-store';

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

/** Byte ranges of a local file, for the pmtiles reader (which otherwise reads over HTTP). */
class FileRangeSource implements Source {
  constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
  ) {}
  getKey(): string {
    return this.file;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await this.handle.read(buffer, 0, length, offset);
    return { data: toArrayBuffer(buffer.subarray(0, bytesRead)) };
  }
}

const decompress = (buf: ArrayBuffer, compression: Compression): Promise<ArrayBuffer> => {
  if (compression === Compression.None || compression === Compression.Unknown) return Promise.resolve(buf);
  if (compression === Compression.Gzip) {
    return Promise.resolve(toArrayBuffer(gunzipSync(Buffer.from(buf))));
  }
  return Promise.reject(new Error(`PMTiles compression ${compression} is not supported`));
};

const RASTER: Partial<Record<TileType, string>> = { [TileType.Png]: 'png', [TileType.Jpeg]: 'jpg', [TileType.Webp]: 'webp', [TileType.Avif]: 'avif' };

/** A PMTiles v3 archive of raster tiles, read by byte ranges. */
export class PmtilesTiles implements TileStore {
  private constructor(
    private readonly handle: FileHandle,
    private readonly archive: PMTiles,
    private readonly header: Header,
    private readonly contentType: string,
    private readonly attribution: string,
  ) {}

  static async open(file: string, attribution: string | undefined): Promise<PmtilesTiles> {
    const handle = await open(file, 'r');
    try {
      const archive = new PMTiles(new FileRangeSource(file, handle), undefined, decompress);
      const header = await archive.getHeader();
      const format = RASTER[header.tileType];
      if (!format) throw new Error(`${file}: PMTiles tile type ${header.tileType} is not a raster format`);
      const meta = (await archive.getMetadata().catch(() => ({}))) as { attribution?: unknown };
      return new PmtilesTiles(handle, archive, header, contentTypeOf(format)!, attribution ?? (typeof meta.attribution === 'string' ? meta.attribution : ''));
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  describe() {
    return { minZoom: this.header.minZoom, maxZoom: this.header.maxZoom, attribution: this.attribution };
  }

  async read(z: number, x: number, y: number): Promise<Tile | null> {
    const found = await this.archive.getZxy(z, x, y);
    if (!found) return null;
    // getZxy has already undone the archive's tile compression.
    return { data: Buffer.from(found.data), contentType: this.contentType };
  }

  close(): void {
    void this.handle.close();
  }
}
