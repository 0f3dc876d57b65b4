import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CONTACT_CHANNELS, CONTACT_DUTIES, CONTACT_DUTY_NAMES, ContactCreateSchema, type Contact, type ContactCsvImportResult } from '../../shared/schemas/contact';
import type { Actor } from '../../shared/schemas/event';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';
import { csvRejected, decodeCsv, parseCsv, type CsvColumn, type CsvLineError } from '../supplies/csv/csv-codec';
import type { ContactService } from './contact-service';
import { listContacts } from './contact-store';

type Key = 'name' | 'duty' | 'township' | 'unit' | 'phones' | 'channels' | 'backup';

const COLUMNS: readonly CsvColumn<Key>[] = [
  { key: 'name', header: '姓名', required: true },
  { key: 'duty', header: '职务', aliases: ['职责', '岗位'], required: true },
  { key: 'township', header: '乡镇', aliases: ['乡镇（街道）', '乡镇(街道)', '街道'], required: true },
  { key: 'unit', header: '单位', aliases: ['村', '村（社区）'] },
  { key: 'phones', header: '电话', aliases: ['手机', '手机号', '联系电话'], required: true },
  { key: 'channels', header: '渠道', aliases: ['通知方式'] },
  { key: 'backup', header: 'AB角', aliases: ['B角', '备岗'] },
];

const CHANNEL_NAMES: Record<string, (typeof CONTACT_CHANNELS)[number]> = { 短信: 'sms', 钉钉: 'dingtalk', 浙政钉: 'dingtalk', 网络: 'webhook', 人工: 'outbox', sms: 'sms', dingtalk: 'dingtalk', webhook: 'webhook', outbox: 'outbox' };
const dutyOf = (cell: string) => CONTACT_DUTIES.find((d) => d === cell || CONTACT_DUTY_NAMES[d] === cell);
const split = (cell: string) => cell.split(/[;；/、,，\s]+/).map((v) => v.trim()).filter(Boolean);

/**
 * Contacts from a spreadsheet export (UTF-8 or GB18030). Matched to the registry by first phone number; the
 * backup column names another person of the file or registry by name or phone. A bad line refuses the file.
 */
export async function importContactsCsv(db: Kysely<Database>, transactor: Transactor, contacts: ContactService, bytes: Buffer, actor: Actor, now: string): Promise<ContactCsvImportResult> {
  const { rows, errors } = parseCsv(decodeCsv(bytes), COLUMNS);
  const problems: CsvLineError[] = [...errors];
  const existing = await listContacts(db);
  const byPhone = new Map(existing.map((c) => [c.phones[0]!, c]));
  const planned: Array<{ line: number; contact: Contact; backup: string; isNew: boolean }> = [];
  for (const { line, values } of rows) {
    const duty = dutyOf(values.duty);
    const channels = split(values.channels).map((c) => CHANNEL_NAMES[c]);
    const parsed = ContactCreateSchema.safeParse({ name: values.name, duty: duty ?? values.duty, township: values.township, unit: values.unit, phones: split(values.phones), channels: channels.length ? channels : undefined });
    if (!parsed.success || !duty || channels.some((c) => !c)) {
      const why = !duty ? `职务 "${values.duty}" is not one of ${Object.values(CONTACT_DUTY_NAMES).join('、')}` : channels.some((c) => !c) ? `渠道 "${values.channels}": use 短信, 钉钉, 网络 or 人工` : parsed.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      problems.push({ line, message: why });
      continue;
    }
    const known = byPhone.get(parsed.data.phones[0]!);
    planned.push({ line, contact: { ...parsed.data, id: known?.id ?? `contact-${randomUUID()}`, backupId: known?.backupId ?? null, updatedAt: now }, backup: values.backup.trim(), isNew: !known });
  }
  const everyone = [...existing.filter((c) => !planned.some((p) => p.contact.id === c.id)), ...planned.map((p) => p.contact)];
  for (const p of planned) {
    if (!p.backup) continue;
    const backup = everyone.find((c) => c.id !== p.contact.id && (c.phones.includes(p.backup) || c.name === p.backup));
    if (backup) p.contact.backupId = backup.id;
    else problems.push({ line: p.line, message: `AB角 "${p.backup}" is neither a name nor a phone number in the file or the registry.` });
  }
  if (problems.length > 0) throw csvRejected(problems);
  const ordered = planned;
  await transactor.run(async (tx, record) => {
    for (const p of ordered) await contacts.saveWithin(tx, record, { ...p.contact, backupId: null }, actor);
    for (const p of ordered) if (p.contact.backupId) await contacts.saveWithin(tx, record, p.contact, actor);
  });
  return { rows: planned.length, created: planned.filter((p) => p.isNew).length, updated: planned.filter((p) => !p.isNew).length };
}
