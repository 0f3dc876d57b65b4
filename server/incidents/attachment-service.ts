import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Kysely } from 'kysely';
import type { Actor } from '../../shared/schemas/event';
import type { Attachment, PhotoUpload } from '../../shared/schemas/incident-record';
import type { Database } from '../db/schema';
import type { IncidentAttachmentRow } from './schema';
import { notFound } from '../errors';
import type { RecordEvent, Transactor } from '../events/transactor';
import type { AttachmentFiles, StoredPhoto } from './attachment-files';
import { loadIncident, toAttachment } from './incident-store';
import { appendTimeline } from './timeline';

/** Photos attached to incidents: the file is stored by content hash, the record goes through the event log. */
export class AttachmentService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly files: AttachmentFiles,
    private readonly clock: () => number = Date.now,
  ) {}

  async addPhoto(incidentId: string, photo: PhotoUpload, actor: Actor): Promise<Attachment> {
    await loadIncident(this.db, incidentId);
    return this.withStoredPhoto(photo, (stored) =>
      this.transactor.run(async (tx, record) => {
        await loadIncident(tx, incidentId);
        return this.attachWithin(tx, record, incidentId, stored, photo.caption ?? '', actor);
      }),
    );
  }

  /**
   * Stores the photo, then runs `work` (which records it); when `work` is refused, the file goes again unless an
   * attachment already uses it, so a refused request leaves nothing on disk.
   */
  async withStoredPhoto<T>(photo: Pick<PhotoUpload, 'mime' | 'dataBase64'>, work: (stored: StoredPhoto) => Promise<T>): Promise<T> {
    const stored = await this.files.store(photo);
    let refused = false;
    try {
      return await work(stored);
    } catch (error) {
      refused = true;
      throw error;
    } finally {
      // When the store cannot say whether the file is used, it stays: an orphan file beats a broken attachment.
      const unused = refused && (await this.db.selectFrom('incident_attachments').select('id').where('sha256', '=', stored.sha256).executeTakeFirst().then((row) => !row, () => false));
      await this.files.release(stored, unused);
    }
  }

  /** Records a stored photo on an incident inside the caller's transaction. */
  async attachWithin(tx: Transaction<Database>, record: RecordEvent, incidentId: string, stored: StoredPhoto, caption: string, actor: Actor): Promise<Attachment> {
    const row: IncidentAttachmentRow = {
      id: randomUUID(),
      incident_id: incidentId,
      sha256: stored.sha256,
      mime: stored.mime,
      bytes: stored.bytes,
      caption,
      added_at: new Date(this.clock()).toISOString(),
      added_by: actor.name,
    };
    await tx.insertInto('incident_attachments').values(row).execute();
    const attachment = toAttachment(row);
    const entry = await appendTimeline(tx, incidentId, { kind: 'attachment', text: caption, params: { attachmentId: row.id } }, actor.name, row.added_at);
    await record({ type: 'incident.attachment_added', actor, payload: { incidentId, attachment, entry } });
    return attachment;
  }

  /** Where an attachment's file is, for serving it. */
  async fileOf(incidentId: string, attachmentId: string): Promise<{ path: string; mime: Attachment['mime'] }> {
    const row = await this.db.selectFrom('incident_attachments').selectAll().where('id', '=', attachmentId).where('incident_id', '=', incidentId).executeTakeFirst();
    if (!row) throw notFound('Attachment');
    const mime = row.mime as Attachment['mime'];
    return { path: this.files.pathOf(row.sha256, mime), mime };
  }
}
