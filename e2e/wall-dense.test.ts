import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Team } from '../shared/schemas/team';
import { TEAM_INPUT, dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

const TEAMS = 60;
let server: ServerHandle;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ env: { SEED: 'none' } });
  const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  for (let i = 0; i < TEAMS; i += 10) {
    await Promise.all(Array.from({ length: 10 }, (_, j) => admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: `密集测试队${String(i + j).padStart(2, '0')}` }).then(dataOf)));
  }
  dataOf(await admin.post('/api/users', { username: 'wall-dense', displayName: '二号大屏', role: 'wall', password: 'wall-password-2' }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('a wall with more teams than its list has room for', () => {
  it('shows one page of teams that fits the panel, says which page, and turns to the next by itself', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await signIn(page, server.baseUrl, 'wall-dense', 'wall-password-2', /\/wall$/);
    const indicator = page.getByTestId('wall-team-page');
    // Pages turn on the shared clock, so every wall shows the same page at the same time.
    await expect.poll(() => indicator.textContent(), { timeout: 20_000 }).toMatch(/^第 \d+\/\d+ 页$/);
    // The indicator and the first row read together, so a page turning in between cannot mix them up.
    const current = () =>
      page.evaluate(() => ({
        indicator: document.querySelector('[data-testid="wall-team-page"]')?.textContent ?? '',
        first: document.querySelector('[data-testid="wall-team"]')?.getAttribute('data-team-id') ?? null,
      }));
    const before = await current();
    const [page1, pages] = (/(\d+)\/(\d+)/.exec(before.indicator) ?? []).slice(1).map(Number) as [number, number];
    expect(pages).toBeGreaterThan(1);

    const rows = page.getByTestId('wall-team');
    const shown = await rows.count();
    expect(shown).toBeGreaterThan(3);
    expect(shown).toBeLessThan(TEAMS);
    // Every row on the page is inside the panel: nothing is cut off or needs scrolling.
    const list = await page.getByTestId('wall-team-list').boundingBox();
    const last = await rows.nth(shown - 1).boundingBox();
    expect(list && last && last.y + last.height <= list.y + list.height + 1).toBe(true);

    await expect.poll(() => indicator.textContent(), { timeout: 20_000 }).toBe(`第 ${(page1 % pages) + 1}/${pages} 页`);
    expect((await current()).first).not.toBe(before.first);
    await saveScreenshot(page, 'wall-dense-1920x1080');
    await page.close();
  });
});
