import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapImportResult } from '../shared/schemas/cap-alert';
import type { Delivery, Recipient, Warning } from '../shared/schemas/warning';
import { signInEveryRole, type SignedIn } from '../server/testing/overview-support';
import { dataOf } from '../server/testing/int-support';
import { REPO_ROOT, startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot } from './support/browser';

const PUBLIC_BASE_URL = 'https://warn.example.org';
let server: ServerHandle;
let as: SignedIn;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ env: { PUBLIC_BASE_URL } });
  as = await signInEveryRole(server);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('warning → personal link → 收到 → 已落实 on a phone', () => {
  it('a township head answers from the link on a phone-sized page; the desk sees it', async () => {
    dataOf(await as.http.duty.post('/api/contacts', { name: '石浦镇长', duty: 'township_head', township: '石浦镇', phones: ['13900000001'], channels: ['sms'] }));
    const draft = dataOf(await as.http.duty.post<Warning>('/api/warnings', { hazard: 'typhoon', colour: 'orange', townships: ['石浦镇'], expires: new Date(Date.now() + 6 * 3_600_000).toISOString() }));
    expect((await as.http.duty.post(`/api/warnings/${draft.id}/issue`, {})).status).toBe(403);
    const issued = dataOf(await as.http.commander.post<Warning>(`/api/warnings/${draft.id}/issue`, {}));
    expect(issued).toMatchObject({ status: 'issued', draftedBy: { name: '值班员甲' }, approvedBy: { name: '值班指挥长' } });
    const [message] = dataOf(await as.http.duty.get<Delivery[]>(`/api/warnings/${issued.id}/deliveries`));
    expect(message).toMatchObject({ channel: 'outbox', to: '13900000001' });
    const link = /https:\/\/warn\.example\.org(\/w\/[A-Za-z0-9_-]{43})/.exec(message!.text)![1]!;

    const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await phone.goto(`${server.baseUrl}${link}`);
    await phone.getByRole('heading', { name: '象山县发布台风橙色预警[Ⅱ级/严重]' }).waitFor();
    await saveScreenshot(phone, 'warning-answer-phone-open');
    await phone.getByRole('button', { name: '收到' }).tap();
    await phone.getByText('✓ 已收到').waitFor();
    await phone.getByLabel('落实情况（可选）').fill('渔船已全部回港，危房人员已转移');
    await phone.getByRole('button', { name: '已落实' }).tap();
    await phone.getByText('✓ 已落实').waitFor();
    await saveScreenshot(phone, 'warning-answer-phone-done');
    expect(await phone.getByRole('button', { name: '收到' }).count()).toBe(0);

    const [recipient] = dataOf(await as.http.duty.get<Recipient[]>(`/api/warnings/${issued.id}/recipients`));
    expect(recipient).toMatchObject({ name: '石浦镇长', state: 'done', doneNote: '渔船已全部回港，危房人员已转移' });
    expect(recipient!.openedAt).not.toBeNull();
    const feed = await (await fetch(`${server.baseUrl}/cap/alerts.atom`)).text();
    expect(feed).toContain(`${PUBLIC_BASE_URL}/cap/alerts/${issued.identifier}.xml`);
  });

  it('imports a real CAP alert posted as XML, and refuses an oversized one before reading it', async () => {
    const xml = fs.readFileSync(path.join(REPO_ROOT, 'server/warnings/fixtures/example_china_baoding_cma_lightning_yellow.cap.xml'));
    const post = (body: Buffer) => fetch(`${server.baseUrl}/api/cap/import`, { method: 'POST', headers: { authorization: `Bearer ${as.tokens.duty}`, 'content-type': 'application/xml' }, body: new Uint8Array(body) });
    const imported = (await (await post(xml)).json()) as { ok: true; data: CapImportResult };
    expect(imported.data.alert.infos.map((i) => i.language)).toEqual(['en-US', 'zh-CN']);
    const big = await post(Buffer.alloc(2 * 1024 * 1024, 0x20));
    expect(big.status).toBe(413);
  });
});
