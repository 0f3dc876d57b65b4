import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { DutyShift } from '../shared/schemas/duty';
import type { User } from '../shared/schemas/user';
import { dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

const H = 3_600_000;
/** How the desk shows an instant's time of day: Beijing time, whatever zone the browser runs in. */
const beijingClock = (instant: string) => new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Shanghai' }).format(new Date(instant));

let server: ServerHandle;
let browser: Browser;
let next: DutyShift;

beforeAll(async () => {
  server = await startServer();
  const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  const outgoing = dataOf(await admin.post<User>('/api/users', { username: 'watch-out', displayName: '林交班', role: 'duty_officer', password: 'watch-password-1' }));
  const incoming = dataOf(await admin.post<User>('/api/users', { username: 'watch-in', displayName: '周接班', role: 'duty_officer', password: 'watch-password-2' }));
  dataOf(await admin.post('/api/users', { username: 'watch-cmd', displayName: '许指挥', role: 'commander', password: 'watch-password-3' }));
  // The watch changes in 47 minutes: the outgoing leader is on watch now.
  const change = Math.floor(Date.now() / 60_000) * 60_000 + 47 * 60_000;
  dataOf(await admin.post('/api/duty/shifts', { startsAt: new Date(change - 10 * H).toISOString(), endsAt: new Date(change).toISOString(), leaderUserId: outgoing.id, note: '防台风Ⅲ级应急响应' }));
  next = dataOf(await admin.post<DutyShift>('/api/duty/shifts', { startsAt: new Date(change).toISOString(), endsAt: new Date(change + 12 * H).toISOString(), leaderUserId: incoming.id }));

  const desk = httpClient(server.baseUrl, await login(server.baseUrl, 'watch-out', 'watch-password-1'));
  dataOf(await desk.post('/api/incidents', { title: '石浦港渔船走锚', type: 'vessel_distress', severity: 'major', source: 'phone', township: '石浦镇' }));
  dataOf(await desk.post('/api/duty/log', { kind: 'call_in', summary: '县气象台：台风橙色预警', counterpart: '县气象台', at: new Date(Date.now() - 30 * 60_000).toISOString() }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('duty watch on the desk', () => {
  it('hands the watch over from the outgoing leader to the incoming one, and shares the duty log live', async () => {
    const outgoing = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(outgoing, server.baseUrl, 'watch-out', 'watch-password-1', /\/desk$/);
    const incoming = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(incoming, server.baseUrl, 'watch-in', 'watch-password-2', /\/desk$/);
    await outgoing.getByTestId('desk-tab-duty').click();
    await incoming.getByTestId('desk-tab-duty').click();

    // The roster, in Beijing time.
    const nextRow = incoming.locator(`[data-testid="duty-shift"][data-shift-id="${next.id}"]`);
    await expect.poll(() => nextRow.textContent(), { timeout: 10_000 }).toContain('周接班');
    expect(await nextRow.textContent()).toContain(beijingClock(next.startsAt));

    // Only the outgoing leader is asked for a handover.
    const form = outgoing.getByTestId('handover-form');
    await expect.poll(() => form.count(), { timeout: 10_000 }).toBe(1);
    expect(await form.textContent()).toContain('周接班');
    expect(await incoming.getByTestId('handover-form').count()).toBe(0);
    await form.getByTestId('handover-note').fill('石浦港一艘渔船走锚，已通知海事；夜间注意潮位。');
    await form.getByTestId('handover-submit').click();

    // The incoming leader's page shows it without a reload, with the open incident listed by the server.
    const pending = incoming.locator('[data-testid="handover"][data-state="pending"]');
    await expect.poll(() => pending.count(), { timeout: 10_000 }).toBe(1);
    expect(await pending.getByTestId('handover-note-text').textContent()).toContain('石浦港一艘渔船走锚');
    expect(await pending.getByTestId('handover-incidents').textContent()).toContain('石浦港渔船走锚');
    const outgoingCard = outgoing.getByTestId('handover');
    await expect.poll(() => outgoingCard.textContent(), { timeout: 10_000 }).toContain('等待 周接班 确认接班');
    expect(await outgoingCard.getByTestId('handover-acknowledge').count()).toBe(0);
    expect(await outgoing.getByTestId('handover-form').count()).toBe(0);

    await pending.getByTestId('handover-acknowledge').click();
    await expect.poll(() => outgoingCard.getAttribute('data-state'), { timeout: 10_000 }).toBe('acknowledged');
    expect(await outgoingCard.getByTestId('handover-acknowledged-by').textContent()).toContain('周接班');
    await expect.poll(() => incoming.locator('[data-testid="handover"][data-state="acknowledged"]').count(), { timeout: 10_000 }).toBe(1);

    // A call logged on one desk appears on the other, above the older entry.
    const log = incoming.getByTestId('duty-log-form');
    await log.getByTestId('duty-log-kind-call_out').click();
    await log.getByTestId('duty-log-summary-input').fill('通知石浦镇组织渔船回港避风');
    await log.getByTestId('duty-log-counterpart').fill('石浦镇应急办');
    await log.getByTestId('duty-log-phone').fill('0574-65981234');
    await log.getByTestId('duty-log-add').click();
    const entries = outgoing.getByTestId('duty-log-entry');
    await expect.poll(() => entries.first().textContent(), { timeout: 10_000 }).toContain('通知石浦镇组织渔船回港避风');
    expect(await entries.first().textContent()).toContain('去电');
    expect(await entries.nth(1).textContent()).toContain('县气象台：台风橙色预警');

    await saveScreenshot(outgoing, 'duty-watch-outgoing');
    await saveScreenshot(incoming, 'duty-watch-incoming');
    await outgoing.close();
    await incoming.close();
  });

  it('lets a commander put a shift on the roster, change it and take it off, while duty officers see it live', async () => {
    const commander = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(commander, server.baseUrl, 'watch-cmd', 'watch-password-3', /\/desk$/);
    const officer = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(officer, server.baseUrl, 'watch-in', 'watch-password-2', /\/desk$/);
    await commander.getByTestId('desk-tab-duty').click();
    await officer.getByTestId('desk-tab-duty').click();
    await expect.poll(() => officer.getByTestId('duty-shift').count(), { timeout: 10_000 }).toBe(2);
    expect(await officer.getByTestId('shift-add').count()).toBe(0);
    expect(await officer.getByTestId('shift-edit').count()).toBe(0);

    // The form proposes the 12 hours after the roster ends, in Beijing time.
    await commander.getByTestId('shift-add').click();
    const form = commander.getByTestId('shift-form');
    const nextEnd = new Date(Date.parse(next.endsAt) + 8 * H).toISOString().slice(0, 16);
    expect(await form.getByTestId('shift-starts').inputValue()).toBe(nextEnd);
    await expect.poll(() => form.getByTestId('shift-leader').locator('option').count(), { timeout: 10_000 }).toBe(4);
    await form.getByTestId('shift-leader').selectOption({ label: '林交班' });
    await form.locator('label', { hasText: '许指挥' }).getByTestId('shift-officer').check();
    await form.getByTestId('shift-note').fill('台风过境夜班');
    await form.getByTestId('shift-save').click();
    await expect.poll(() => officer.getByTestId('duty-shift').count(), { timeout: 10_000 }).toBe(3);
    const added = officer.getByTestId('duty-shift').last();
    expect(await added.textContent()).toContain('林交班');
    expect(await added.textContent()).toContain('许指挥');
    expect(await added.textContent()).toContain('台风过境夜班');

    // Overlapping the next shift is refused with a plain reason.
    const row = commander.getByTestId('duty-shift').last();
    await row.getByTestId('shift-edit').click();
    await row.getByTestId('shift-starts').fill(new Date(Date.parse(next.endsAt) + 7 * H).toISOString().slice(0, 16));
    await row.getByTestId('shift-save').click();
    await expect.poll(() => row.getByTestId('shift-error').textContent(), { timeout: 10_000 }).toContain('重叠');
    await row.getByTestId('shift-starts').fill(nextEnd);
    await row.getByTestId('shift-leader').selectOption({ label: '周接班' });
    await row.getByTestId('shift-save').click();
    await expect.poll(() => added.getByTestId('duty-shift-leader').textContent(), { timeout: 10_000 }).toBe('周接班');

    commander.once('dialog', (dialog) => void dialog.accept());
    await row.getByTestId('shift-delete').click();
    await expect.poll(() => officer.getByTestId('duty-shift').count(), { timeout: 10_000 }).toBe(2);
    await commander.close();
    await officer.close();
  });
});
