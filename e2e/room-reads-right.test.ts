import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Dispatch } from '../shared/schemas/dispatch';
import type { Incident } from '../shared/schemas/incident';
import type { Storm } from '../shared/schemas/typhoon';
import type { Team } from '../shared/schemas/team';
import { TestClient, dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';
import { WALL_PANELS, chooseLanguage, panelsOverflowing } from './support/screenFit';

// The demo county: 24 teams, the townships' shelters, key supplies from 74,500 sandbags down to a dozen boats.
let server: ServerHandle;
let browser: Browser;
let dpr1: BrowserContext;
let wall: Page;
let dispatchId = '';
let desk: ReturnType<typeof httpClient>;
let linked: { dispatchId: string; incident: Incident };
let finishedId = '';

async function demoPassword(username: string): Promise<string> {
  const accounts = await readFile(path.join(server.dataDir, 'demo-accounts.txt'), 'utf8');
  return new RegExp(`^\\S+\\s+${username}\\s+(\\S+)$`, 'm').exec(accounts)?.[1] ?? '';
}

beforeAll(async () => {
  server = await startServer({ env: { SEED: 'demo' } });
  // One dispatch that has gone through three steps before the wall is opened (or reloaded).
  desk = httpClient(server.baseUrl, await login(server.baseUrl, 'commander', await demoPassword('commander')));
  // 中片救援队 (whose tablet the desk tests connect) stays free.
  const [team, second, third] = dataOf(await desk.get<Team[]>('/api/teams')).filter((t) => t.id !== 'zone-central');
  const dispatchTo = async (teamId: string, incidentId: string | null = null) => {
    const request = { actionId: randomUUID(), teamIds: [teamId], taskType: 'rescue', priority: 'urgent', destination: { lat: 29.4431, lon: 121.8712, label: '丹西街道积水点' }, instructions: '', incidentId };
    return dataOf(await desk.post<Dispatch>('/api/dispatches', request)).id;
  };
  const step = async (id: string, teamId: string, ...steps: string[]) => {
    for (const to of steps) dataOf(await desk.post(`/api/dispatches/${id}/steps`, { actionId: randomUUID(), teamId, to, channel: 'phone' }));
  };
  dispatchId = await dispatchTo(team!.id);
  await step(dispatchId, team!.id, 'accepted', 'en_route');
  const [incident] = dataOf(await desk.get<Incident[]>('/api/incidents?open=true'));
  linked = { dispatchId: await dispatchTo(second!.id, incident!.id), incident: incident! };
  finishedId = await dispatchTo(third!.id);
  await step(finishedId, third!.id, 'accepted', 'on_scene', 'completed');
  browser = await launchChromium();
  dpr1 = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  wall = await dpr1.newPage();
  await signIn(wall, server.baseUrl, 'wall', await demoPassword('wall'), /\/wall$/);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/**
 * Every element under `root` whose own text is cut sideways (its scroll width beyond its width), and every
 * select too narrow for the option it shows.
 */
function clippedText(page: Page, root = '[data-testid="wall"]') {
  return page.evaluate((root) => {
    const cut: string[] = [];
    const probe = document.body.appendChild(document.createElement('span'));
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
    for (const select of document.querySelectorAll<HTMLSelectElement>(`${root} select`)) {
      const style = getComputedStyle(select);
      probe.style.font = style.font;
      probe.textContent = select.selectedOptions[0]?.textContent ?? '';
      // The arrow takes about 1.2em at the right.
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - parseFloat(style.fontSize) * 1.2;
      if (select.getClientRects().length && probe.offsetWidth > room + 1) cut.push(`select: ${probe.textContent}`);
    }
    probe.remove();
    // Anything sticking out of the screen's column is hidden behind its edge.
    const edge = document.querySelector(root)!.getBoundingClientRect();
    for (const el of document.querySelectorAll<HTMLElement>(`${root} select, ${root} input, ${root} button`)) {
      const box = el.getBoundingClientRect();
      if (box.width && (box.right > edge.right + 1 || box.left < edge.left - 1)) cut.push(`beyond the edge: ${el.getAttribute('data-testid') ?? el.tagName}`);
    }
    for (const el of document.querySelectorAll<HTMLElement>(`${root} *`)) {
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      // Screen-reader-only text is clipped on purpose: it is never seen.
      if (!ownText || getComputedStyle(el).display === 'inline' || el.classList.contains('sr-only')) continue;
      if (el.scrollWidth > el.clientWidth + 1) cut.push(`${el.className}: ${el.textContent!.trim().slice(0, 30)}`);
    }
    return cut;
  }, root);
}

/** Text on the wall smaller than `least` of the viewport height, and the smallest number's share of it. */
function typeSizes(page: Page, least: number) {
  return page.evaluate((least) => {
    const vh = window.innerHeight;
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid="wall"] *')) {
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (!ownText || !el.getClientRects().length) continue;
      const size = parseFloat(getComputedStyle(el).fontSize) / vh;
      if (size < least) small.push(`${(size * 100).toFixed(2)}% ${el.textContent!.trim().slice(0, 16)}`);
    }
    const numbers = [...document.querySelectorAll<HTMLElement>('[data-testid="wall-number"], [data-testid="status-counts"] .n, [data-testid="evac-sheltered"], [data-testid="evac-relatives"], [data-testid="evac-total"]')]
      .filter((el) => el.getClientRects().length)
      .map((el) => parseFloat(getComputedStyle(el).fontSize) / vh);
    return { small, smallestNumber: Math.min(...numbers), numbers: numbers.length };
  }, least);
}

/** Rows of the self-paging lists that stick out of their list (a wall is never scrolled). */
function rowsOutside(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const list of document.querySelectorAll<HTMLElement>('[data-testid="wall-team-list"] ul, [data-testid="wall-stock-rows"], [data-testid="evac-rows"], [data-testid="wall-shelters"] ul')) {
      const box = list.getBoundingClientRect();
      for (const row of list.children) if (row.getBoundingClientRect().bottom > box.bottom + 1) out.push(row.textContent!.trim().slice(0, 20));
    }
    return out;
  });
}

async function checkScreen(page: Page, name: string, screenshot = true): Promise<void> {
  await page.getByTestId('wall-stock-row').first().waitFor();
  await page.getByTestId('evac-row').first().waitFor();
  await page.getByTestId('wall-incident').first().waitFor();
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));
  // Pictures only where asked: at 1080p, DPR 1 (a 4K or DPR 2 one costs more than every check together).
  if (screenshot) await saveScreenshot(page, `wall-legible-${name}`);
  // Labels ≈ 1.9 % of the viewport height and numbers ≈ 2.6 % (about 21 px and 28 px at 1080 p).
  const sizes = await typeSizes(page, 0.0185);
  expect(sizes.small).toEqual([]);
  expect(sizes.numbers).toBeGreaterThan(5);
  expect(sizes.smallestNumber).toBeGreaterThanOrEqual(0.0255);
  expect(await clippedText(page)).toEqual([]);
  expect(await panelsOverflowing(page, WALL_PANELS, '[data-testid="wall"]')).toEqual([]);
  await expect.poll(() => rowsOutside(page)).toEqual([]);
}

describe('the wall read from 4–6 m', () => {
  it('sizes type by the viewport height and cuts no label on 1920×1080 and 3840×2160 (a 4K screen or a 2×2 wall of 1080 p panels), and at DPR 2', async () => {
    await checkScreen(wall, '1920x1080@1');
    // The 24 demo teams do not fit the list at this size: it pages itself.
    await expect.poll(() => wall.getByTestId('wall-team-page').textContent()).toMatch(/^第 \d+\/\d+ 页$/);
    await wall.setViewportSize({ width: 3840, height: 2160 });
    await checkScreen(wall, '3840x2160@1', false);

    // Layout is in CSS pixels, so DPR 2 changes only rounding: checked at 1080p. At 4K it would draw 7680×4320
    // device pixels in software, a minute of the suite for the same layout as 4K at DPR 1.
    const dpr2 = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 2, storageState: await dpr1.storageState() });
    const sharp = await dpr2.newPage();
    await sharp.goto(`${server.baseUrl}/wall`);
    await checkScreen(sharp, '1920x1080@2', false);
    await dpr2.close();
  });

  it('shows each bar against its own minimum, so 74,500 sandbags do not flatten the boats', async () => {
    const fills = await wall.getByTestId('wall-stock-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-fill'))));
    // On one linear scale every other item would be a sliver beside the sandbags; against its minimum each reads.
    expect(fills.filter((f) => f > 0.2).length).toBeGreaterThan(1);
  });

  it('shows every incident row with its status whole, and the header with the commander leading the watch', async () => {
    const statuses = wall.getByTestId('wall-incident-status');
    expect(await statuses.count()).toBeGreaterThan(0);
    for (const text of await statuses.allTextContents()) expect(text.trim()).toMatch(/^\S+$/);
    await expect.poll(() => wall.getByTestId('on-watch-leader').textContent()).toBe('带班：值班指挥长');
    await expect.poll(() => wall.getByTestId('on-watch-officers').textContent()).toBe('值班员：值班员');
  });

  it('keeps every panel’s content in its box with no storm and with a live one heading for the county, at 1920×1080 in Chinese and English and at 3840×2160 in Chinese', async () => {
    const sizes = [
      { width: 1920, height: 1080 },
      { width: 3840, height: 2160 },
    ];
    const fits = async (what: string) => {
      const found: string[] = [];
      for (const size of sizes) {
        await wall.setViewportSize(size);
        // Type is sized by the viewport height, so English at 4K lays out as at 1080p: Chinese is checked at both.
        for (const language of size.height > 1080 ? (['zh-CN'] as const) : (['zh-CN', 'en'] as const)) {
          await chooseLanguage(wall, language);
          await wall.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));
          const visit = `${what} ${size.width}x${size.height} ${language}`;
          // Pictures at 1080p only: a 4K one costs more than the checks.
          if (size.height <= 1080) await saveScreenshot(wall, `wall-fit-${visit.replaceAll(' ', '-')}`);
          found.push(...(await panelsOverflowing(wall, WALL_PANELS, '[data-testid="wall"]')).map((p) => `${visit}: ${p}`));
          found.push(...(await clippedText(wall)).map((c) => `${visit}: cut ${c}`));
        }
      }
      return found;
    };
    // The demo's Lekima archived: no storm on the wall.
    for (const storm of dataOf(await desk.get<Storm[]>('/api/typhoons'))) dataOf(await desk.post(`/api/typhoons/${storm.id}/archive`, {}));
    await expect.poll(() => wall.getByTestId('wall-typhoon').count(), { timeout: 10_000 }).toBe(0);
    const withoutStorm = await fits('no-storm');

    // A live storm 150 km south-east, its 7-level circle over the county: the countdown panel, every township's
    // line, the distance and the signal suggestion are all on the wall. (No forecast: a typed one has no radii, so no circle.)
    const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    const radii = (km: number) => ({ ne: km, se: km, sw: km, nw: km });
    const bulletin = { number: '2612', nameZh: '测试', nameEn: 'TESTSTORM', at: at(-1), lat: 28.4, lon: 123.0, pressureHpa: 935, windMs: 52, radii: { level7: radii(350), level10: radii(150), level12: radii(60) } };
    dataOf(await desk.post('/api/typhoons/bulletins', bulletin));
    await expect.poll(() => wall.getByTestId('wall-county-countdown').getAttribute('data-state'), { timeout: 15_000 }).toMatch(/^(inside|arriving)$/);
    await expect.poll(() => wall.getByTestId('wall-exposure-township').count(), { timeout: 10_000 }).toBeGreaterThan(10);
    const withStorm = await fits('live-storm');
    await chooseLanguage(wall, 'zh-CN');
    await wall.setViewportSize({ width: 1920, height: 1080 });
    expect({ withoutStorm, withStorm }).toEqual({ withoutStorm: [], withStorm: [] });
  }, 300_000);

  it('rebuilds the dispatch feed from the log after a reload: every step, not only the latest', async () => {
    const feed = (page: Page) => page.locator(`[data-testid="feed-item"][data-dispatch-id="${dispatchId}"]`).evaluateAll((items) => items.map((i) => i.getAttribute('data-state')));
    await wall.reload();
    await expect.poll(() => feed(wall), { timeout: 10_000 }).toEqual(['en_route', 'accepted', 'created']);
  });
});

describe('the desk at 1366×768 and 1920×1080', () => {
  let context: BrowserContext;
  let page: Page;
  let tablet: TestClient;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    await signIn(page, server.baseUrl, 'commander', await demoPassword('commander'), /\/desk/);
    // 中片救援队's tablet is online; every other demo team has never connected one.
    tablet = new TestClient(server.baseUrl, await login(server.baseUrl, 'field-central', await demoPassword('field-central')));
    await tablet.connected();
    expect((await tablet.request('sync:hello', { lastSeq: null })).ok).toBe(true);
  });
  afterAll(async () => {
    tablet?.close();
    await context?.close();
  });

  it('cuts no filter, label or status chip on any list', async () => {
    for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      for (const tab of ['teams', 'dispatches', 'incidents', 'shelters']) {
        await page.getByTestId(`desk-tab-${tab}`).click();
        await page.locator('aside.left li, aside.left [data-testid="desk-team"]').first().waitFor();
        await page.evaluate(() => document.fonts.ready);
        await saveScreenshot(page, `desk-${tab}-${width}x${height}`);
        for (const column of ['aside.left', 'aside.right']) {
          expect({ tab, width, column, cut: await clippedText(page, `[data-testid="desk"] ${column}`) }).toEqual({ tab, width, column, cut: [] });
        }
      }
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('names a linked incident by its number and title, never its id', async () => {
    const name = `${linked.incident.code} ${linked.incident.title}`;
    await page.goto(`${server.baseUrl}/desk/dispatches?dispatch=${linked.dispatchId}`);
    await expect.poll(() => page.getByTestId('dispatch-detail-incident').textContent()).toBe(name);
    await expect.poll(() => page.locator(`[data-testid="dispatch-row"][data-dispatch-id="${linked.dispatchId}"] [data-testid="dispatch-row-incident"]`).textContent()).toBe(name);
    expect(await page.getByTestId('dispatch-board').textContent()).not.toContain(linked.incident.id);
  });

  it('offers 改派 and 取消 only while the state machine allows them', async () => {
    await page.goto(`${server.baseUrl}/desk/dispatches?dispatch=${finishedId}`);
    await page.locator(`[data-testid="dispatch-detail"][data-dispatch-id="${finishedId}"]`).waitFor();
    expect(await page.getByTestId('dispatch-actions').count()).toBe(0);
    await page.goto(`${server.baseUrl}/desk/dispatches?dispatch=${dispatchId}`);
    await page.getByTestId('dispatch-action-cancel').waitFor();
    expect(await page.getByTestId('dispatch-action-reassign').count()).toBe(1);
  });

  it('says how each suggested team is reached, ranks the tablet first and warns at once about a team without one', async () => {
    await page.goto(`${server.baseUrl}/desk`);
    await page.getByTestId('dispatch-new').click();
    await page.getByTestId('dispatch-township').selectOption('丹东街道');
    const suggestions = page.getByTestId('dispatch-suggestion');
    await suggestions.first().waitFor();
    const rows = await suggestions.evaluateAll((els) => els.map((el) => ({ team: el.getAttribute('data-team-id'), reach: el.getAttribute('data-reach'), available: el.getAttribute('data-available') })));
    // 中片救援队 is the only team with a tablet online: it leads the free teams, though others are nearer.
    expect(rows[0]).toEqual({ team: 'zone-central', reach: 'tablet', available: 'true' });
    expect(rows.slice(1).every((r) => r.reach !== 'tablet')).toBe(true);
    const phoneOnly = suggestions.locator('xpath=self::*[@data-reach="phone"]').first();
    const phone = await phoneOnly.getByTestId('suggestion-phone').textContent();
    expect(phone).toMatch(/\d{5,}/);
    await phoneOnly.locator('input[type="checkbox"]').check();
    const warning = page.getByTestId('dispatch-no-tablet');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(phone!.replace(/^\D+/, ''));
    await saveScreenshot(page, 'desk-dispatch-no-tablet');
  });

  it('raises a notice for a new field report (灾情上报), which opens the incident', async () => {
    await page.goto(`${server.baseUrl}/desk/dispatches?dispatch=${dispatchId}`);
    await page.getByTestId('dispatch-detail').waitFor();
    const ack = await tablet.request('incident:field_report', { actionId: randomUUID(), type: 'landslide', text: '红庙山村后山滑坡，两户房屋受威胁', position: null });
    expect(ack.ok).toBe(true);
    const notice = page.getByTestId('field-report-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('红庙山村后山滑坡');
    await saveScreenshot(page, 'desk-field-report-notice');
    await notice.getByTestId('field-report-notice-open').click();
    await page.getByTestId('incident-detail').waitFor();
    expect(await page.getByTestId('field-report-notice').count()).toBe(0);
  });

  it('switches the detail panel to a team clicked while another detail is open', async () => {
    await page.goto(`${server.baseUrl}/desk/dispatches?dispatch=${dispatchId}`);
    await page.getByTestId('dispatch-detail').waitFor();
    type Marker = { id: string; x: number | null; y: number | null };
    const markers = () => page.evaluate(() => (window as unknown as { __tidewatch?: { teamsOnMap?: () => Marker[] } }).__tidewatch?.teamsOnMap?.() ?? []);
    await expect.poll(async () => (await markers()).filter((m) => m.x !== null).length, { timeout: 15_000 }).toBeGreaterThan(3);
    const marker = (await markers()).find((m) => m.id === 'zone-central')!;
    await page.mouse.click(marker.x!, marker.y!);
    await page.locator('[data-testid="team-detail"][data-team-id="zone-central"]').waitFor({ timeout: 5_000 });
    expect(await page.getByTestId('dispatch-detail').count()).toBe(0);
    // And from the list, with the team's detail open, another team.
    await page.getByTestId('desk-tab-teams').click();
    const row = page.locator('[data-testid="desk-team"]:not([data-team-id="zone-central"])').first();
    const teamId = await row.getAttribute('data-team-id');
    await row.click();
    await page.locator(`[data-testid="team-detail"][data-team-id="${teamId}"]`).waitFor({ timeout: 5_000 });
  });

  it('lists open shelters first and closed ones last', async () => {
    await page.getByTestId('desk-tab-shelters').click();
    const statuses = await page.getByTestId('shelter-township').evaluateAll((groups) =>
      groups.map((g) => [...g.querySelectorAll('[data-testid="shelter-row"]')].map((r) => r.querySelector('.status')!.classList.contains('closed'))),
    );
    for (const group of statuses) expect(group).toEqual([...group].sort((a, b) => Number(a) - Number(b)));
    // Townships with somewhere still open come before those whose shelters are all closed.
    const anyOpen = statuses.filter((g) => g.length).map((g) => g.some((closed) => !closed));
    expect(anyOpen).toEqual([...anyOpen].sort((a, b) => Number(b) - Number(a)));
  });
});
