import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/schemas/contact';
import { commander, dutyOfficer, linkTokens, manualClock, openAckServices } from '../test-support';

let clock = manualClock();
let s: Awaited<ReturnType<typeof openAckServices>>;
const MIN = 60_000;

const person = (name: string, township: string, phone: string, backupId: string | null = null) => ({ name, duty: 'township_head' as const, township, unit: '', phones: [phone], channels: ['sms' as const], backupId });

async function registry(): Promise<Record<string, Contact>> {
  const shipuB = await s.contacts.create(person('石浦B角', '石浦镇', '13900000002'), dutyOfficer);
  const shipuA = await s.contacts.create(person('石浦A角', '石浦镇', '13900000001', shipuB.id), dutyOfficer);
  const hepu = await s.contacts.create(person('鹤浦镇长', '鹤浦镇', '13900000003'), dutyOfficer);
  const other = await s.contacts.create(person('西周镇长', '西周镇', '13900000004'), dutyOfficer);
  return { shipuA, shipuB, hepu, other };
}

const issueBlue = async () =>
  s.warnings.issue((await s.warnings.draft({ hazard: 'typhoon', colour: 'blue', townships: ['石浦镇', '鹤浦镇'], expires: new Date(clock.now() + 6 * 3_600_000).toISOString(), exercise: false }, dutyOfficer)).id, commander);

beforeEach(async () => {
  clock = manualClock();
  s = await openAckServices(() => clock.now());
});
afterEach(() => s.close());

describe('叫应', () => {
  it('gives each targeted primary (not backups, not other townships) a personal link, sent through the outbox', async () => {
    const people = await registry();
    const warning = await issueBlue();
    const recipients = await s.recipients.list(warning.id);
    expect(recipients.map((r) => [r.name, r.role, r.state])).toEqual([
      ['石浦A角', 'primary', 'queued'],
      ['鹤浦镇长', 'primary', 'queued'],
    ]);
    expect(await s.dispatcher.pass()).toBe(2);
    expect((await s.recipients.list(warning.id)).map((r) => r.state)).toEqual(['sent', 'sent']);
    const outbox = await s.dispatcher.list(warning.id);
    expect(outbox.map((d) => [d.channel, d.state, d.to])).toEqual([
      ['outbox', 'sent', '13900000001'],
      ['outbox', 'sent', '13900000003'],
    ]);
    expect(outbox[0]!.text).toMatch(/^象山县发布台风蓝色预警\[Ⅳ级\/一般\]。请打开链接确认“收到”，落实后点“已落实”：https:\/\/warn\.example\.org\/w\/[A-Za-z0-9_-]{43}$/);
    expect(people.other).toBeDefined();
  });

  it('records opened, 收到 and 已落实 from the link, and the coverage per township', async () => {
    await registry();
    const warning = await issueBlue();
    const tokens = await linkTokens(s.store.db, warning.id);
    const [shipu, hepu] = await s.recipients.list(warning.id);
    const page = await s.recipients.open(tokens.get(shipu!.id)!);
    expect(page).toMatchObject({ state: 'open', recipient: { name: '石浦A角', state: 'opened' }, subject: { colour: '#1565c0', asksReceived: true, headline: expect.stringContaining('台风蓝色预警') } });
    expect(JSON.stringify(page)).not.toContain('13900000001');
    clock.advance(MIN);
    await s.recipients.answer(tokens.get(shipu!.id)!, 'received', '', null);
    clock.advance(MIN);
    const done = await s.recipients.answer(tokens.get(shipu!.id)!, 'done', '渔船已全部回港', null);
    expect(done.recipient).toMatchObject({ state: 'done', doneNote: '渔船已全部回港', receivedAt: '2025-09-15T01:01:00.000Z', doneAt: '2025-09-15T01:02:00.000Z' });
    expect(await s.recipients.coverage(warning.id)).toEqual([
      { township: '石浦镇', recipients: 1, received: 1, done: 1 },
      { township: '鹤浦镇', recipients: 1, received: 0, done: 0 },
    ]);
    const logged = (await s.log.readRange(0, await s.log.currentSeq())).flatMap(({ event }) =>
      event.type === 'warning.recipient_changed' ? [event.payload.cause] : event.type === 'warning.recipients_queued' ? [`queued ${event.payload.recipients.length}`] : [],
    );
    expect(logged).toEqual(['queued 2', 'opened', 'received', 'done']);
    // The board (the wall too) follows the counts without the names: one coverage event per change of them.
    const counts = (await s.log.readRange(0, await s.log.currentSeq())).flatMap(({ event }) => (event.type === 'warning.coverage_changed' ? [event.payload.townships.map((t) => `${t.received}/${t.done}`).join(' ')] : []));
    expect(counts).toEqual(['0/0 0/0', '1/0 0/0', '1/1 0/0']);
    expect(hepu).toBeDefined();
    await expect(s.recipients.open('A'.repeat(43))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('says a link opened after expiry has expired and refuses answers', async () => {
    await registry();
    const warning = await issueBlue();
    const [token] = [...(await linkTokens(s.store.db, warning.id)).values()];
    clock.advance(6 * 3_600_000 + 1);
    expect((await s.recipients.open(token!)).state).toBe('expired');
    await expect(s.recipients.answer(token!, 'received', '', null)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('past the deadline: contacts the silent primary’s backup and raises ONE alarm per silent township listing names and numbers', async () => {
    const people = await registry();
    const warning = await issueBlue();
    const tokens = await linkTokens(s.store.db, warning.id);
    const [, hepu] = await s.recipients.list(warning.id);
    await s.recipients.answer(tokens.get(hepu!.id)!, 'received', '', null);
    clock.advance(59 * MIN);
    await s.watcher.pass();
    expect(await s.alarms.listOpen()).toEqual([]);
    clock.advance(MIN);
    await s.watcher.pass();
    await s.watcher.pass();
    const recipients = await s.recipients.list(warning.id);
    expect(recipients.map((r) => [r.name, r.role])).toEqual([
      ['石浦A角', 'primary'],
      ['石浦B角', 'backup'],
      ['鹤浦镇长', 'primary'],
    ]);
    const alarms = await s.alarms.listOpen();
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ kind: 'warning_unanswered', sourceId: `${warning.id}|石浦镇`, params: { township: '石浦镇', minutes: 60, silent: '石浦A角 13900000001；石浦B角（B角） 13900000002' } });
    // The backup answers by phone: the township has answered, the alarm clears.
    const backup = recipients.find((r) => r.contactId === people.shipuB!.id)!;
    const answered = await s.recipients.phoneAnswer(warning.id, backup.id, 'received', '电话确认已收到', dutyOfficer);
    expect(answered).toMatchObject({ state: 'received', phoneAnswer: { by: '值班员甲', note: '电话确认已收到' } });
    await s.watcher.pass();
    expect(await s.alarms.listOpen()).toEqual([]);
    expect(await s.recipients.coverage(warning.id)).toEqual([
      { township: '石浦镇', recipients: 1, received: 1, done: 0 },
      { township: '鹤浦镇', recipients: 1, received: 1, done: 0 },
    ]);
  });

  it('without PUBLIC_BASE_URL sends no link, says so on each recipient, and still asks for a call back', async () => {
    await s.close();
    s = await openAckServices(() => clock.now(), { publicBaseUrl: null });
    await registry();
    const warning = await issueBlue();
    const [first] = await s.recipients.list(warning.id);
    expect(first!.failures).toEqual([{ channel: 'link', error: expect.stringContaining('PUBLIC_BASE_URL'), at: expect.any(String) }]);
    expect((await s.dispatcher.list(warning.id))[0]!.text).toContain('请立即电话回复');
  });
});
