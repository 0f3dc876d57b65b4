import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import type { Actor } from '../../shared/schemas/event';
import { TOWNSHIP_NAMES } from '../../shared/townships';
import { AlarmService } from '../../server/alarms/alarm-service';
import { ContactService } from '../../server/contacts/contact-service';
import { openStore } from '../../server/db/database';
import { EventBus } from '../../server/events/event-bus';
import { EventLog } from '../../server/events/event-log';
import { Transactor } from '../../server/events/transactor';
import { dingTalkNotifier, outboxNotifier, smsGatewayNotifier, webhookNotifier } from '../../server/warnings/delivery/channels';
import { DeliveryDispatcher } from '../../server/warnings/delivery/delivery-dispatcher';
import { FanOut } from '../../server/warnings/delivery/fan-out';
import type { Notifier } from '../../server/warnings/delivery/notifier';
import { postJson } from '../../server/http/outbound-json';
import { townshipRings } from '../../server/warnings/cap/township-polygons';
import { WarningService } from '../../server/warnings/warning-service';

/**
 * `npm run bench:warnings`: a commander issues a warning to every township; measured from the issue call
 * until every contact's personal link is stored and every channel has been called (each answered), for
 * BENCH_CONTACTS contacts (500), with all channels (SMS gateway, DingTalk robot, webhook: local stand-ins
 * answering like the real ones) and with the outbox only (the baseline). Target: ≤ 2 s.
 */
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? '500');
const TARGET_MS = 2_000;
const duty: Actor = { type: 'user', id: 'bench-duty', name: '压测值班员' };
const commander: Actor = { type: 'user', id: 'bench-cmd', name: '压测指挥长' };
const logger = pino({ level: 'silent' });

async function gateways() {
  let calls = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(req.url?.startsWith('/robot') ? '{"errcode":0,"errmsg":"ok"}' : '{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, calls: () => calls, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

async function run(label: string, notifiers: Notifier[]): Promise<number> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tw-bench-warnings-'));
  const store = await openStore({ sqliteFile: path.join(dir, 'bench.sqlite') });
  const log = new EventLog(store.db, Date.now);
  const bus = new EventBus(0, (from, to) => log.readRange(from, to), (err) => logger.error({ err }));
  const transactor = new Transactor(store.db, log, bus);
  try {
    new AlarmService(store.db, transactor);
    const contacts = new ContactService(store.db, transactor);
    for (let i = 0; i < CONTACTS; i++) {
      const township = TOWNSHIP_NAMES[i % TOWNSHIP_NAMES.length]!;
      await contacts.create({ name: `联系人${i}`, duty: 'village_cadre', township, unit: '', phones: [`139${String(i).padStart(8, '0')}`], channels: ['sms', 'dingtalk', 'webhook'], backupId: null }, duty);
    }
    const fanOut = new FanOut({ channels: new Set(notifiers.map((n) => n.channel)), publicBaseUrl: 'https://warn.example.org', clock: Date.now });
    const publisher = { sender: 'Bench', senderCode: '33022500000000', senderName: { 'zh-CN': '压测', en: 'Bench' } };
    const warnings = new WarningService(store.db, transactor, publisher, (tx, record, warning, actor) => fanOut.published(tx, record, warning, actor));
    const dispatcher = new DeliveryDispatcher(store.db, transactor, { notifiers, clock: Date.now, concurrency: 64 });
    const draft = await warnings.draft({ hazard: 'typhoon', colour: 'red', townships: [...TOWNSHIP_NAMES], expires: new Date(Date.now() + 6 * 3_600_000).toISOString(), exercise: false }, duty);
    const started = performance.now();
    const issued = await warnings.issue(draft.id, commander);
    const linksReady = performance.now() - started;
    while ((await store.db.selectFrom('warning_deliveries').select('id').where('warning_id', '=', issued.id).where('state', '=', 'pending').executeTakeFirst()) !== undefined) await dispatcher.pass();
    const elapsed = performance.now() - started;
    const deliveries = await dispatcher.list(issued.id);
    const links = await store.db.selectFrom('warning_recipients').select('id').where('warning_id', '=', issued.id).execute();
    const byChannel = Object.entries(deliveries.reduce<Record<string, number>>((n, d) => ({ ...n, [`${d.channel} ${d.state}`]: (n[`${d.channel} ${d.state}`] ?? 0) + 1 }), {}));
    console.log(`  ${label.padEnd(14)} ${elapsed.toFixed(0).padStart(5)} ms  (links stored ${linksReady.toFixed(0)} ms; ${links.length} links; ${byChannel.map(([k, v]) => `${k} ${v}`).join(', ')})`);
    return elapsed;
  } finally {
    bus.close();
    await store.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // The township outlines are simplified for CAP once per process (the first warning ever issued pays it).
  for (const name of TOWNSHIP_NAMES) townshipRings(name);
  console.log(`bench:warnings — issue → every contact's link ready and every channel called, ${CONTACTS} contacts in ${TOWNSHIP_NAMES.length} townships`);
  const baseline = await run('outbox only', [outboxNotifier]);
  const gw = await gateways();
  try {
    const all = await run('all channels', [outboxNotifier, smsGatewayNotifier(postJson, `${gw.base}/sms`, '{"phone":"{{phone}}","text":"{{text}}"}', undefined), dingTalkNotifier(postJson, `${gw.base}/robot/send?access_token=b`, 'SECbench'), webhookNotifier(postJson, `${gw.base}/hook`, 'bench-secret-0123456789')]);
    console.log(`  gateway calls answered: ${gw.calls()}`);
    console.log(`all channels ${all.toFixed(0)} ms vs outbox-only baseline ${baseline.toFixed(0)} ms; target ≤ ${TARGET_MS} ms: ${all <= TARGET_MS ? 'met' : 'NOT met'}`);
    if (all > TARGET_MS) process.exitCode = 1;
  } finally {
    await gw.close();
  }
}

void main();
