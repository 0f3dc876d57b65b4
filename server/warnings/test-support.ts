// Test-only: the warnings services over a migrated in-memory store with an injected clock. Not imported by the server.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Kysely } from 'kysely';
import type { Actor } from '../../shared/schemas/event';
import { ContactService } from '../contacts/contact-service';
import type { Database } from '../db/schema';
import { RecipientService } from './ack/recipient-service';
import { SilenceWatcher } from './ack/silence-watcher';
import { outboxNotifier } from './delivery/channels';
import { DeliveryDispatcher } from './delivery/delivery-dispatcher';
import { FanOut } from './delivery/fan-out';
import type { DeliveryChannel, Notifier } from './delivery/notifier';
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

export interface AckTestOptions {
  publicBaseUrl?: string | null;
  channels?: ReadonlySet<DeliveryChannel>;
  notifiers?: Notifier[];
  silenceMinutes?: Partial<Record<'red' | 'orange' | 'yellow' | 'blue', number>>;
}

/** The whole 叫应 chain over one in-memory store: contacts, warnings, fan-out, dispatcher, answers, escalation. */
export async function openAckServices(clock: () => number, options: AckTestOptions = {}) {
  const fanOut = new FanOut({ channels: options.channels ?? new Set(['outbox']), publicBaseUrl: options.publicBaseUrl === undefined ? 'https://warn.example.org' : options.publicBaseUrl, clock });
  const base = await openWarningServices(clock, (tx, record, warning, actor) => fanOut.published(tx, record, warning, actor));
  const contacts = new ContactService(base.store.db, base.transactor, clock);
  const recipients = new RecipientService(base.store.db, base.transactor, clock);
  const dispatcher = new DeliveryDispatcher(base.store.db, base.transactor, { notifiers: options.notifiers ?? [outboxNotifier], clock, backoff: { baseMs: 1_000, maxMs: 4_000, jitter: 0 } });
  const watcher = new SilenceWatcher(base.store.db, base.transactor, base.alarms, fanOut, { silenceMinutes: { red: 10, orange: 20, yellow: 30, blue: 60, ...options.silenceMinutes }, doneMinutes: 120 }, clock);
  return { ...base, fanOut, contacts, recipients, dispatcher, watcher };
}

/** The personal link's token, read back from the message the outbox or SMS was given. */
export async function linkTokens(db: Kysely<Database>, warningId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('warning_deliveries').select(['recipient_id', 'text']).where('warning_id', '=', warningId).where('recipient_id', 'is not', null).execute();
  return new Map(rows.flatMap((r) => {
    const token = /\/w\/([A-Za-z0-9_-]{43})/.exec(r.text)?.[1];
    return token ? [[r.recipient_id!, token] as const] : [];
  }));
}
