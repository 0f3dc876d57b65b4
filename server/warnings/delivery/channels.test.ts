import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commander, dutyOfficer, manualClock, openAckServices, type AckTestOptions } from '../test-support';
import { dingTalkNotifier, outboxNotifier, smsGatewayNotifier, webhookNotifier } from './channels';
import { postJson } from '../../http/outbound-json';
import type { DeliveryChannel } from './notifier';

interface Seen {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local stand-in for a gateway: records requests and answers what `reply` says. */
async function fakeServer(reply: (seen: Seen) => { status: number; body: string } | 'hang') {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const entry = { url: req.url ?? '', headers: req.headers, body };
      seen.push(entry);
      const answer = reply(entry);
      if (answer === 'hang') return;
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

let clock = manualClock();
const servers: Array<{ close(): Promise<void> }> = [];
let s: Awaited<ReturnType<typeof openAckServices>> | null = null;

beforeEach(() => {
  clock = manualClock();
});
afterEach(async () => {
  await s?.close();
  for (const server of servers.splice(0)) await server.close();
});

async function setUp(notifiers: NonNullable<AckTestOptions['notifiers']>) {
  s = await openAckServices(() => clock.now(), { notifiers, channels: new Set(notifiers.map((n) => n.channel as DeliveryChannel)) });
  await s.contacts.create({ name: '石浦镇长', duty: 'township_head', township: '石浦镇', unit: '', phones: ['13900000001'], channels: ['sms', 'dingtalk'], backupId: null }, dutyOfficer);
  await s.contacts.create({ name: '鹤浦镇长', duty: 'township_head', township: '鹤浦镇', unit: '', phones: ['13900000002'], channels: ['sms'], backupId: null }, dutyOfficer);
  const draft = await s.warnings.draft({ hazard: 'rainstorm', colour: 'orange', townships: ['石浦镇', '鹤浦镇'], expires: new Date(clock.now() + 6 * 3_600_000).toISOString(), exercise: false }, dutyOfficer);
  return s.warnings.issue(draft.id, commander);
}

describe('channels', () => {
  it('SMS by the configured template carries each personal link; DingTalk and the webhook carry the warning, signed, with no link', async () => {
    const sms = await fakeServer(() => ({ status: 200, body: '{"code":0}' }));
    const ding = await fakeServer(() => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' }));
    const hook = await fakeServer(() => ({ status: 204, body: '' }));
    servers.push(sms, ding, hook);
    const warning = await setUp([
      outboxNotifier,
      smsGatewayNotifier(postJson, `${sms.url}/send`, '{"mobile":"{{phone}}","content":"{{text}}","sign":"象山防指"}', 'Authorization: Bearer k1'),
      dingTalkNotifier(postJson, `${ding.url}/robot/send?access_token=abc`, 'SECsecret', () => clock.now()),
      webhookNotifier(postJson, `${hook.url}/hook`, 'webhook-secret-0123456789', () => clock.now()),
    ]);
    expect(await s!.dispatcher.pass()).toBe(4);
    expect(sms.seen.map((r) => JSON.parse(r.body).mobile).sort()).toEqual(['13900000001', '13900000002']);
    expect(JSON.parse(sms.seen[0]!.body)).toMatchObject({ sign: '象山防指', content: expect.stringMatching(/https:\/\/warn\.example\.org\/w\/[A-Za-z0-9_-]{43}$/) });
    expect(sms.seen[0]!.headers.authorization).toBe('Bearer k1');
    // DingTalk: timestamp + sign as the robot API computes them, @mentions, never a personal link.
    const [robot] = ding.seen;
    const query = new URL(robot!.url, ding.url).searchParams;
    expect(query.get('access_token')).toBe('abc');
    expect(query.get('timestamp')).toBe(String(clock.now()));
    expect(query.get('sign')).toBe(createHmac('sha256', 'SECsecret').update(`${clock.now()}\nSECsecret`).digest('base64'));
    const message = JSON.parse(robot!.body);
    expect(message).toMatchObject({ msgtype: 'text', at: { atMobiles: ['13900000001'], isAtAll: false } });
    expect(message.text.content).toContain('象山县发布暴雨橙色预警');
    expect(message.text.content).toContain('@13900000001');
    expect(robot!.body).not.toMatch(/\/w\//);
    // Webhook: HMAC over "timestamp.body".
    const [posted] = hook.seen;
    const signature = createHmac('sha256', 'webhook-secret-0123456789').update(`${posted!.headers['x-tidewatch-timestamp']}.${posted!.body}`).digest('hex');
    expect(posted!.headers['x-tidewatch-signature']).toBe(`sha256=${signature}`);
    expect(JSON.parse(posted!.body)).toMatchObject({ identifier: warning.identifier, colour: 'orange', recipients: [{ name: '石浦镇长' }, { name: '鹤浦镇长' }] });
    expect(posted!.body).not.toMatch(/\/w\//);
    expect((await s!.recipients.list(warning.id)).map((r) => r.state)).toEqual(['sent', 'sent']);
  });

  it('a refusing or hanging channel never blocks the others; retries back off, then the failure shows per recipient and SMS falls back to the outbox', async () => {
    const sms = await fakeServer(() => ({ status: 503, body: 'gateway down' }));
    const ding = await fakeServer(() => ({ status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' }));
    servers.push(sms, ding);
    const warning = await setUp([outboxNotifier, smsGatewayNotifier(postJson, sms.url, '{"p":"{{phone}}","t":"{{text}}"}', undefined), dingTalkNotifier(postJson, `${ding.url}/robot/send?access_token=x`, undefined)]);
    await s!.dispatcher.pass();
    let deliveries = await s!.dispatcher.list(warning.id);
    expect(deliveries.map((d) => [d.channel, d.state, d.attempts])).toEqual([
      ['dingtalk', 'pending', 1],
      ['sms', 'pending', 1],
      ['sms', 'pending', 1],
    ]);
    expect(deliveries[0]!.lastError).toBe('DingTalk errcode 310000: sign not match');
    const [first] = await s!.recipients.list(warning.id);
    expect(first!.failures).toEqual([{ channel: 'sms', error: 'HTTP 503: gateway down (attempt 1)', at: expect.any(String) }]);
    // Not due yet: nothing is sent again until the backoff has passed.
    expect(await s!.dispatcher.pass()).toBe(0);
    for (let i = 0; i < 4; i++) {
      clock.advance(5_000);
      await s!.dispatcher.pass();
    }
    // The outbox copies made when SMS was given up go out at the next pass.
    expect(await s!.dispatcher.pass()).toBe(2);
    deliveries = await s!.dispatcher.list(warning.id);
    expect(deliveries.map((d) => [d.channel, d.state])).toEqual([
      ['dingtalk', 'failed'],
      ['sms', 'failed'],
      ['sms', 'failed'],
      ['outbox', 'sent'],
      ['outbox', 'sent'],
    ]);
    expect(sms.seen).toHaveLength(10);
    const recipients = await s!.recipients.list(warning.id);
    expect(recipients.map((r) => r.state)).toEqual(['sent', 'sent']);
    expect(recipients[0]!.failures[0]!.error).toMatch(/given up/);
  });

  it('times out a gateway that never answers', async () => {
    const hang = await fakeServer(() => 'hang');
    servers.push(hang);
    s = await openAckServices(() => clock.now(), { channels: new Set(['outbox', 'webhook']), notifiers: [outboxNotifier, webhookNotifier(postJson, hang.url, undefined)] });
    const { DeliveryDispatcher } = await import('./delivery-dispatcher');
    const quick = new DeliveryDispatcher(s.store.db, s.transactor, { notifiers: [outboxNotifier, webhookNotifier(postJson, hang.url, undefined)], clock: () => clock.now(), timeoutMs: 200 });
    const warning = await s.warnings.issue((await s.warnings.draft({ hazard: 'gale', colour: 'blue', townships: ['石浦镇'], expires: new Date(clock.now() + 3_600_000).toISOString(), exercise: false }, dutyOfficer)).id, commander);
    await quick.pass();
    expect((await quick.list(warning.id)).map((d) => [d.channel, d.lastError])).toEqual([['webhook', 'no answer within the timeout']]);
  });
});
