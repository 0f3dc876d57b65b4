// Test-only: the incident services over a migrated in-memory store with an injected clock. Not imported by the server.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Principal } from '../auth/principal';
import { openTestServices, silentLogger, type TestServices } from '../positions/test-support';
import { ActionLedger } from '../actions/action-ledger';
import { AttachmentFiles } from './attachment-files';
import { AttachmentService } from './attachment-service';
import { FieldReportService } from './field-report-service';
import { IncidentService } from './incident-service';
import { ReportDeadlineWatcher } from './report-deadline-watcher';
import { ReportingRulesService } from './reporting-rules-service';

export interface IncidentTestServices extends TestServices {
  rules: ReportingRulesService;
  incidents: IncidentService;
  attachments: AttachmentService;
  fieldReports: FieldReportService;
  watcher: ReportDeadlineWatcher;
  attachmentDir: string;
}

export async function openIncidentTestServices(clock: () => number): Promise<IncidentTestServices> {
  const base = await openTestServices(clock);
  const attachmentDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tw-attachments-'));
  const files = new AttachmentFiles(attachmentDir);
  const rules = new ReportingRulesService(base.store.db, base.transactor);
  const incidents = new IncidentService(base.store.db, base.transactor, rules, base.alarms, clock);
  const attachments = new AttachmentService(base.store.db, base.transactor, files, clock);
  const fieldReports = new FieldReportService(new ActionLedger(base.store.db, base.transactor, clock), incidents, attachments, clock);
  const watcher = new ReportDeadlineWatcher({ db: base.store.db, alarms: base.alarms, clock, logger: silentLogger });
  return {
    ...base,
    rules,
    incidents,
    attachments,
    fieldReports,
    watcher,
    attachmentDir,
    async close() {
      await watcher.close();
      await base.close();
      await fs.rm(attachmentDir, { recursive: true, force: true });
    },
  };
}

export const deskActor = { type: 'user' as const, id: 'u-duty', name: '值班员甲' };

export const fieldPrincipal = (teamId: string): Principal => ({
  userId: 'u-field',
  username: 'field-x',
  displayName: '中片救援队平板',
  role: 'field',
  teamId,
  sessionId: 's1',
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
});

/** A tiny valid PNG (1×1 pixel) and JPEG header-only stand-in, as base64. */
export const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
/**
 * A JPEG whose header says `width`×`height` (JFIF, then a baseline frame header), padded to `totalBytes`: what the
 * server checks is the header, so the pixels need not be there.
 */
export function jpegBytes(width: number, height: number, totalBytes = 0): Buffer {
  const head = Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
  ]);
  const end = Buffer.from([0xff, 0xd9]);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, totalBytes - head.length - end.length), 7), end]);
}

/** A PNG whose header says `width`×`height` (a few hundred bytes can claim 20000×20000 px). */
export function pngBytes(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const frame = Buffer.alloc(12 + data.length);
    frame.writeUInt32BE(data.length, 0);
    body.copy(frame, 4);
    frame.writeUInt32BE(zlib.crc32(body), 8 + data.length);
    return frame;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
}

export const JPEG_BYTES = jpegBytes(4, 3).toString('base64');

export const majorIncidentInput = {
  title: '丹城新华路积水',
  type: 'waterlogging',
  severity: 'major',
  source: 'phone',
  location: { lat: 29.4701, lon: 121.8953 },
  affected: 120,
  trapped: 3,
  account: '新华路与丹河路口积水深约60厘米，三人被困车内。',
  caller: '李先生 13800001111',
};
