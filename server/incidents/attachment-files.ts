import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, MAX_PHOTO_SIDE, type PhotoUpload } from '../../shared/schemas/incident-record';
import { DomainError } from '../errors';

export interface StoredPhoto {
  sha256: string;
  mime: 'image/jpeg' | 'image/png';
  bytes: number;
  width: number;
  height: number;
}

const EXTENSIONS = { 'image/jpeg': 'jpg', 'image/png': 'png' } as const;
const DECODED_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png' } as const;
const TYPE_NAMES = { 'image/jpeg': 'JPEG', 'image/png': 'PNG' } as const;

/** Width and height from the image's own header; refuses bytes that are not an image of the stated type. */
export function decodePhotoHeader(data: Buffer, mime: StoredPhoto['mime']): { width: number; height: number } {
  let decoded: { type?: string; width?: number; height?: number };
  try {
    decoded = imageSize(data);
  } catch {
    throw new DomainError('VALIDATION_FAILED', `The photo is not a ${TYPE_NAMES[mime]} image.`);
  }
  const { type, width, height } = decoded;
  if (type !== DECODED_TYPES[mime] || !width || !height) throw new DomainError('VALIDATION_FAILED', `The photo is not a ${TYPE_NAMES[mime]} image.`);
  if (width > MAX_PHOTO_SIDE || height > MAX_PHOTO_SIDE || width * height > MAX_PHOTO_PIXELS) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `The photo is ${width}×${height} px; at most ${MAX_PHOTO_SIDE} px a side and ${MAX_PHOTO_PIXELS / 1_000_000} megapixels.`);
  }
  return { width, height };
}

/**
 * Photo files under DATA_DIR/attachments, named by their SHA-256: the same photo sent twice is stored
 * once, and a name never points at different content. Owner-only (0700 folder, 0600 files): the photos are
 * of people in distress.
 */
export class AttachmentFiles {
  private dirPrepared = false;
  /** How many requests in flight stored each file: a refused one removes a file only when no other holds it. */
  private readonly holds = new Map<string, number>();

  constructor(private readonly dir: string) {}

  /** Decodes and checks a photo (size, type, dimensions), then stores it; pair with `release`. */
  async store(photo: Pick<PhotoUpload, 'mime' | 'dataBase64'>): Promise<StoredPhoto> {
    const data = Buffer.from(photo.dataBase64, 'base64');
    if (data.length === 0 || data.length > MAX_PHOTO_BYTES) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `A photo may be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`);
    }
    const { width, height } = decodePhotoHeader(data, photo.mime);
    const sha256 = createHash('sha256').update(data).digest('hex');
    this.holds.set(sha256, (this.holds.get(sha256) ?? 0) + 1);
    const file = this.pathOf(sha256, photo.mime);
    try {
      await this.prepareDir();
      const exists = await fs.stat(file).then(() => true, () => false);
      if (!exists) {
        const temporary = `${file}.${randomUUID()}.tmp`;
        await fs.writeFile(temporary, data, { mode: 0o600 });
        await fs.rename(temporary, file).catch(async (error: unknown) => {
          await fs.rm(temporary, { force: true });
          throw error;
        });
      }
    } catch (error) {
      await this.release({ sha256, mime: photo.mime }, false);
      throw error;
    }
    return { sha256, mime: photo.mime, bytes: data.length, width, height };
  }

  /** Ends a `store`'s hold; with `discard`, removes the file unless another request in flight stored it too. */
  async release(photo: Pick<StoredPhoto, 'sha256' | 'mime'>, discard: boolean): Promise<void> {
    const left = (this.holds.get(photo.sha256) ?? 1) - 1;
    if (left > 0) this.holds.set(photo.sha256, left);
    else this.holds.delete(photo.sha256);
    if (discard && left === 0) await fs.rm(this.pathOf(photo.sha256, photo.mime), { force: true });
  }

  /** Creates the folder owner-only, and tightens one an older version left readable (once per process). */
  private async prepareDir(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    if (this.dirPrepared) return;
    await fs.chmod(this.dir, 0o700);
    this.dirPrepared = true;
  }

  pathOf(sha256: string, mime: keyof typeof EXTENSIONS): string {
    return path.join(this.dir, `${sha256}.${EXTENSIONS[mime]}`);
  }
}
