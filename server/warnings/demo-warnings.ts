import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../../shared/schemas/event';
import type { Database } from '../db/schema';
import type { WarningsModule } from './warnings-module';

/** Demo 叫应 contacts: the duty roles of three coastal townships (fictional people, numbers from a reserved-looking range). */
const DEMO_CONTACTS = [
  { key: 'shipu-b', name: '石浦镇值班副镇长（演示）', duty: 'deputy_head', township: '石浦镇', phones: ['13800000102'] },
  { key: 'shipu-a', name: '石浦镇镇长（演示）', duty: 'township_head', township: '石浦镇', phones: ['13800000101'], backup: 'shipu-b' },
  { key: 'hepu', name: '鹤浦镇镇长（演示）', duty: 'township_head', township: '鹤浦镇', phones: ['13800000201'] },
  { key: 'gaotang', name: '高塘岛乡乡长（演示）', duty: 'township_head', township: '高塘岛乡', phones: ['13800000301'] },
] as const;

/**
 * The demo county's warnings: a few contacts and one issued blue typhoon warning (drafted by the duty
 * officer, signed off by the commander) so the public feed is never empty.
 */
export async function seedDemoWarnings(db: Kysely<Database>, services: WarningsModule['services'], clock: () => number = Date.now): Promise<void> {
  if (await db.selectFrom('warnings').select('id').executeTakeFirst()) return;
  const staff = await db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', 'in', ['duty', 'commander']).execute();
  const actorOf = (username: string): Actor => {
    const user = staff.find((u) => u.username === username);
    return user ? { type: 'user', id: user.id, name: user.display_name } : SYSTEM_ACTOR;
  };
  const ids = new Map<string, string>();
  for (const contact of DEMO_CONTACTS) {
    const backupId = 'backup' in contact ? (ids.get(contact.backup) ?? null) : null;
    const saved = await services.contacts.create({ name: contact.name, duty: contact.duty, township: contact.township, unit: '', phones: [...contact.phones], channels: ['sms'], backupId }, actorOf('duty'), `contact-demo-${contact.key}`);
    ids.set(contact.key, saved.id);
  }
  const draft = await services.warnings.draft(
    { hazard: 'typhoon', colour: 'blue', townships: ['石浦镇', '鹤浦镇', '高塘岛乡'], expires: new Date(clock() + 7 * 24 * 3_600_000 - 60_000).toISOString(), exercise: false },
    actorOf('duty'),
  );
  await services.warnings.issue(draft.id, actorOf('commander'));
}
