import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpApp } from '../http/http-app';
import { AttachmentFiles } from '../incidents/attachment-files';
import { silentLogger } from '../positions/test-support';
import { publicWarningRoutes } from './public-routes';
import { commander, dutyOfficer, linkTokens, manualClock, openAckServices } from './test-support';

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let clock = manualClock();
let s: Awaited<ReturnType<typeof openAckServices>>;
let server: http.Server;
let base: string;
let attachments: string;

beforeEach(async () => {
  clock = manualClock();
  s = await openAckServices(() => clock.now());
  attachments = await fs.mkdtemp(path.join(os.tmpdir(), 'tw-warn-photos-'));
  const router = publicWarningRoutes({ warnings: s.warnings, recipients: s.recipients, photos: new AttachmentFiles(attachments), feedExercises: false, publicBaseUrl: 'https://warn.example.org', feedTitle: '象山县防指 预警', sender: '象山县防指', clock: () => clock.now() });
  server = http.createServer(createHttpApp({ root: [router], api: [], clientDir: null, logger: silentLogger }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await s.close();
  await fs.rm(attachments, { recursive: true, force: true });
});

const issue = async (exercise: boolean) => {
  const draft = await s.warnings.draft({ hazard: 'typhoon', colour: 'yellow', townships: ['石浦镇'], expires: new Date(clock.now() + 6 * 3_600_000).toISOString(), exercise }, dutyOfficer);
  clock.advance(1_000);
  return s.warnings.issue(draft.id, commander);
};
const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('public warning routes', () => {
  it('serves current alerts as Atom, newest first, each linking its CAP XML; exercises stay out', async () => {
    const drill = await issue(true);
    const first = await issue(false);
    const second = await issue(false);
    const feed = await fetch(`${base}/cap/alerts.atom`);
    expect(feed.headers.get('content-type')).toMatch(/application\/atom\+xml/);
    const atom = await feed.text();
    const links = [...atom.matchAll(/href="([^"]+\.xml)"/g)].map((m) => m[1]);
    expect(links).toEqual([`https://warn.example.org/cap/alerts/${second.identifier}.xml`, `https://warn.example.org/cap/alerts/${first.identifier}.xml`]);
    const xml = await fetch(`${base}/cap/alerts/${first.identifier}.xml`);
    expect(xml.headers.get('content-type')).toMatch(/application\/cap\+xml/);
    expect(await xml.text()).toBe((await s.warnings.capXml(first.id)).xml);
    expect((await fetch(`${base}/cap/alerts/${drill.identifier}.xml`)).status).toBe(404);
    expect((await fetch(`${base}/cap/alerts/nothing.xml`)).status).toBe(404);
  });

  it('opens the phone page without sign-in, under 100 kB, private, its script allowed by nonce only; 收到 then 已落实 with a note and photo', async () => {
    await s.contacts.create({ name: '石浦镇长', duty: 'township_head', township: '石浦镇', unit: '', phones: ['13900000001'], channels: ['sms'], backupId: null }, dutyOfficer);
    const warning = await issue(false);
    const [token] = [...(await linkTokens(s.store.db, warning.id)).values()];
    const page = await fetch(`${base}/w/${token}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(Buffer.byteLength(html)).toBeLessThan(100_000);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const nonce = /script-src 'nonce-([^']+)'/.exec(page.headers.get('content-security-policy') ?? '')?.[1];
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).toContain('象山县发布台风黄色预警');
    expect(html).toContain('>收到</button>');
    expect((await s.recipients.list(warning.id))[0]!.state).toBe('opened');
    expect(await (await post(`${base}/w/${token}/answer`, { answer: 'received' })).json()).toMatchObject({ ok: true, data: { recipient: { state: 'received' } } });
    const done = await post(`${base}/w/${token}/answer`, { answer: 'done', note: '已转移 12 人', photo: { mime: 'image/png', dataBase64: PNG_1PX } });
    expect(await done.json()).toMatchObject({ ok: true, data: { recipient: { state: 'done', doneNote: '已转移 12 人' } } });
    const [recipient] = await s.recipients.list(warning.id);
    expect(recipient).toMatchObject({ state: 'done', hasPhoto: true });
    expect(await fs.readdir(attachments)).toHaveLength(1);
    const after = await (await fetch(`${base}/w/${token}`)).text();
    expect(after).toContain('✓ 已落实');
    expect(after).not.toContain('>收到</button>');
  });

  it('answers a bad or unknown link with a plain 404, bad bodies with VALIDATION_FAILED, and rate-limits one link', async () => {
    expect((await fetch(`${base}/w/${'x'.repeat(43)}`)).status).toBe(404);
    expect((await fetch(`${base}/w/short`)).status).toBe(404);
    await s.contacts.create({ name: '石浦镇长', duty: 'township_head', township: '石浦镇', unit: '', phones: ['13900000001'], channels: ['sms'], backupId: null }, dutyOfficer);
    const warning = await issue(false);
    const [token] = [...(await linkTokens(s.store.db, warning.id)).values()];
    const bad = await post(`${base}/w/${token}/answer`, { answer: 'maybe' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('VALIDATION_FAILED');
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await fetch(`${base}/w/${token}`)).status);
    expect(statuses.slice(-1)).toEqual([429]);
  });
});
