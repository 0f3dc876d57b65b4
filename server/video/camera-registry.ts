import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { CameraSourceSchema, withoutSecrets, type Camera, type CameraCreateInput, type CameraSource, type CameraUpdateInput } from '../../shared/schemas/camera';
import { hasHiddenSecrets, restoreUrlSecrets } from '../../shared/schemas/camera-secrets';
import type { Actor } from '../../shared/schemas/event';
import { nowIso } from '../../shared/time';
import type { Database } from '../db/schema';
import type { CameraRow } from './schema';
import { DomainError, conflict, notFound } from '../errors';
import type { Transactor } from '../events/transactor';

export interface PortRange {
  min: number;
  max: number;
}

const toCamera = (row: Selectable<CameraRow>): Camera => ({
  id: row.id,
  name: row.name,
  kind: row.kind as Camera['kind'],
  department: row.department,
  location: row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon },
  source: CameraSourceSchema.parse(JSON.parse(row.source)),
  teamId: row.team_id,
  updatedAt: row.updated_at,
});

const toRow = (camera: Camera): CameraRow => ({
  id: camera.id,
  name: camera.name,
  kind: camera.kind,
  department: camera.department,
  lat: camera.location?.lat ?? null,
  lon: camera.location?.lon ?? null,
  source: JSON.stringify(camera.source),
  team_id: camera.teamId,
  updated_at: camera.updatedAt,
});

/** A URL sent back with hidden secrets (`***`) keeps the stored ones; a URL without the mark replaces them. */
function keepPassword(current: CameraSource, next: CameraSource): CameraSource {
  if (next.type !== 'rtsp' || !hasHiddenSecrets(next.url)) return next;
  const url = current.type === 'rtsp' ? restoreUrlSecrets(next.url, current.url) : null;
  if (url === null) throw new DomainError('VALIDATION_FAILED', 'Enter the camera’s password.');
  return { ...next, url };
}

/** The camera registry: admins register fixed and pushed sources; a field tablet's camera is filed on first publish. */
export class CameraRegistry {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly rtmpPorts: PortRange,
    private readonly clock: () => number,
  ) {}

  async list(): Promise<Camera[]> {
    const rows = await this.db.selectFrom('cameras').selectAll().orderBy('name').execute();
    return rows.map(toCamera);
  }

  async get(id: string): Promise<Camera> {
    const row = await this.db.selectFrom('cameras').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Camera');
    return toCamera(row);
  }

  async create(parsed: CameraCreateInput, actor: Actor): Promise<Camera> {
    return this.transactor.run(async (tx, record) => {
      const source = parsed.source.type === 'rtmp' ? await this.newRtmpSource(tx) : parsed.source;
      const camera: Camera = { id: `cam-${randomUUID().slice(0, 8)}`, ...parsed, source, teamId: null, updatedAt: nowIso(this.clock) };
      await tx.insertInto('cameras').values(toRow(camera)).execute();
      await record({ type: 'camera.registered', actor, payload: { camera: withoutSecrets(camera) } });
      return camera;
    });
  }

  async update(id: string, patch: CameraUpdateInput, actor: Actor): Promise<Camera> {
    return this.transactor.run(async (tx, record) => {
      const row = await tx.selectFrom('cameras').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('Camera');
      const current = toCamera(row);
      if (current.kind === 'field_tablet') throw conflict('A field tablet camera is managed by its tablet.');
      let source: CameraSource = current.source;
      if (patch.source) source = patch.source.type === 'rtmp' ? (current.source.type === 'rtmp' ? current.source : await this.newRtmpSource(tx)) : keepPassword(current.source, patch.source);
      const camera: Camera = { ...current, ...patch, source, updatedAt: nowIso(this.clock) };
      await tx.updateTable('cameras').set(toRow(camera)).where('id', '=', id).execute();
      await record({ type: 'camera.updated', actor, payload: { camera: withoutSecrets(camera) } });
      return camera;
    });
  }

  async remove(id: string, actor: Actor): Promise<void> {
    await this.transactor.run(async (tx, record) => {
      const removed = await tx.deleteFrom('cameras').where('id', '=', id).executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) throw notFound('Camera');
      await record({ type: 'camera.removed', actor, payload: { cameraId: id } });
    });
  }

  /** The team's tablet camera, filed the first time one of its tablets publishes. */
  async tabletCamera(teamId: string, teamName: string, actor: Actor): Promise<Camera> {
    const existing = await this.db.selectFrom('cameras').selectAll().where('team_id', '=', teamId).executeTakeFirst();
    if (existing) return toCamera(existing);
    return this.transactor.run(async (tx, record) => {
      const again = await tx.selectFrom('cameras').selectAll().where('team_id', '=', teamId).executeTakeFirst();
      if (again) return toCamera(again);
      const camera: Camera = {
        id: `cam-team-${teamId}`.slice(0, 64),
        name: teamName,
        kind: 'field_tablet',
        department: '',
        location: null,
        source: { type: 'webrtc' },
        teamId,
        updatedAt: nowIso(this.clock),
      };
      await tx.insertInto('cameras').values(toRow(camera)).execute();
      await record({ type: 'camera.registered', actor, payload: { camera: withoutSecrets(camera) } });
      return camera;
    });
  }

  private async newRtmpSource(tx: Kysely<Database>): Promise<CameraSource> {
    const rows = await tx.selectFrom('cameras').select('source').execute();
    const taken = new Set(rows.map((r) => CameraSourceSchema.parse(JSON.parse(r.source))).flatMap((s) => (s.type === 'rtmp' ? [s.port] : [])));
    for (let port = this.rtmpPorts.min; port <= this.rtmpPorts.max; port++) {
      if (!taken.has(port)) return { type: 'rtmp', port, streamKey: randomBytes(12).toString('base64url') };
    }
    throw new DomainError('CONFLICT', 'Every RTMP port is in use; widen VIDEO_RTMP_PORTS.');
  }
}
