// Test-only: the incident services over a migrated in-memory store with an injected clock. Not imported by the server.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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
  const fieldReports = new FieldReportService(new ActionLedger(base.store.db, base.transactor, clock), incidents, attachments, files, clock);
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
export const JPEG_BYTES = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]).toString('base64');

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
