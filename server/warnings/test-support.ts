// Test-only: the warnings services over a migrated in-memory store with an injected clock. Not imported by the server.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Actor } from '../../shared/schemas/event';
import { openTestServices, type TestServices } from '../positions/test-support';
import { WarningService, type OnPublished, type WarningPublisher } from './warning-service';

export const SCHEMA_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cap', 'schema', 'CAP-v1.2.xsd');

export const dutyOfficer: Actor = { type: 'user', id: 'u-duty', name: '值班员甲' };
export const commander: Actor = { type: 'user', id: 'u-cmd', name: '指挥长乙' };

export const TEST_PUBLISHER: WarningPublisher = {
  sender: 'Xiangshan_County_Emergency_Command',
  senderCode: '33022500000000',
  senderName: { 'zh-CN': '象山县防汛防台抗旱指挥部', en: 'Xiangshan County Flood and Typhoon Control HQ' },
};

/** A clock the test moves by hand; starts at 2025-09-15 09:00 Beijing time. */
export function manualClock(start = Date.UTC(2025, 8, 15, 1, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

export async function openWarningServices(clock: () => number, onPublished: OnPublished = async () => undefined): Promise<TestServices & { warnings: WarningService }> {
  const base = await openTestServices(clock);
  return { ...base, warnings: new WarningService(base.store.db, base.transactor, TEST_PUBLISHER, onPublished, clock) };
}

/** Runs `xmllint --schema` on a document; resolves with its complaints ('' when it validates). */
export async function schemaComplaints(xml: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tw-cap-'));
  const file = path.join(dir, 'alert.xml');
  await fs.writeFile(file, xml);
  try {
    await promisify(execFile)('xmllint', ['--noout', '--nonet', '--schema', SCHEMA_FILE, file]);
    return '';
  } catch (err) {
    return (err as { stderr?: string }).stderr || String(err);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
