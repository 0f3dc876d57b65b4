import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MAX_PHOTO_BYTES, type PhotoUpload } from '../../shared/schemas/incident-record';
import { DomainError } from '../errors';

export interface StoredPhoto {
  sha256: string;
  mime: 'image/jpeg' | 'image/png';
  bytes: number;
}

const EXTENSIONS = { 'image/jpeg': 'jpg', 'image/png': 'png' } as const;
const SIGNATURES = {
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
} as const;

/**
 * Photo files under DATA_DIR/attachments, named by their SHA-256: the same photo sent twice is stored
 * once, and a name never points at different content. Owner-only (0700 folder, 0600 files): the photos are
 * of people in distress.
 */
export class AttachmentFiles {
  private dirPrepared = false;

  constructor(private readonly dir: string) {}

  /** Decodes and checks a photo (size, and that its bytes are what its type says), then stores it. */
  async store(photo: Pick<PhotoUpload, 'mime' | 'dataBase64'>): Promise<StoredPhoto> {
    const data = Buffer.from(photo.dataBase64, 'base64');
    if (data.length === 0 || data.length > MAX_PHOTO_BYTES) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `A photo may be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`);
    }
    const signature = SIGNATURES[photo.mime];
    if (!data.subarray(0, signature.length).equals(signature)) {
      throw new DomainError('VALIDATION_FAILED', `The photo is not a ${photo.mime === 'image/png' ? 'PNG' : 'JPEG'} image.`);
    }
    const sha256 = createHash('sha256').update(data).digest('hex');
    const file = this.pathOf(sha256, photo.mime);
    await this.prepareDir();
    const exists = await fs.stat(file).then(() => true, () => false);
    if (!exists) {
      const temporary = `${file}.${randomUUID()}.tmp`;
      await fs.writeFile(temporary, data, { mode: 0o600 });
      await fs.rename(temporary, file);
    }
    return { sha256, mime: photo.mime, bytes: data.length };
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
