import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildClientInto } from '../server/testing/build-client';
import { clusterTestState } from '../server/testing/cluster-state';
import { startHaproxy, type Haproxy } from '../server/testing/haproxy';
import { dataOf, eventually, httpClient, login } from '../server/testing/int-support';
import { REPO_ROOT, freePort, startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

const PASSWORD = 'rolling-password-1';
const OLD_DIR = path.join(REPO_ROOT, 'dist', 'client');
const old = JSON.parse(readFileSync(path.join(OLD_DIR, 'build.json'), 'utf8')) as { buildId: string; builtAt: string };
const next = { buildId: `${old.buildId}-rolling`, builtAt: new Date(Date.parse(old.builtAt) + 3_600_000).toISOString() };

const started = Date.now();
const say = (what: string) => console.log(`[rolling +${((Date.now() - started) / 1000).toFixed(1)} s] ${what}`);

/** Notices that ask for a reload or announce one (not "updated", which tells of the last one). */
const RELOAD_NOTICES = ['offer', 'wait', 'reloading'];

/** What a wall shows now: its build, its update notice, and whether it reloaded since `mark`; what broke any page so far. */
interface WallState {
  build: string | undefined;
  notice: string;
  reloaded: boolean;
  broken: string[];
}

/**
 * A rolling upgrade of two instances on one PostgreSQL schema and Redis, behind HAProxy from the repo's
 * configuration: A serves the build in dist/client, B another real build of the same sources made an hour later
 * (hashed file names differ). The test steers HAProxy as an operator does during the upgrade (an instance drains,
 * its connections are cut), so each wall's connection and reload reach the instance the story needs.
 */
describe('a rolling upgrade: instances of two builds behind HAProxy', () => {
  const state = clusterTestState('rolling');
  const env = { ...state.env, VIDEO: 'off', TRUSTED_PROXIES: '127.0.0.1' };
  let nextDir = '';
  const stopBuilding = new AbortController();
  let building: Promise<void> = Promise.resolve();
  let a: ServerHandle;
  let b: ServerHandle;
  let proxy: Haproxy;
  let browser: Browser;
  const pages: Page[] = [];
  /** What broke a page: its document or a build file answered 400 or more, or a build file that never came. */
  const broken: string[] = [];

  beforeAll(async () => {
    nextDir = await mkdtemp(path.join(os.tmpdir(), 'tidewatch-next-client-'));
    building = buildClientInto(nextDir, next, stopBuilding.signal);
    a = await startServer({ env });
    // B is the instance being upgraded: in the proxy's configuration, but out of it until it runs the new build.
    proxy = await startHaproxy(
      [
        { name: 'a', port: a.port, osmandPort: a.osmandPort },
        { name: 'b', port: await freePort(), osmandPort: await freePort() },
      ],
      { certDir: path.join(a.dataDir, 'tls') },
    );
    await proxy.command('set server tidewatch/b state maint');
    const admin = httpClient(proxy.httpUrl, await login(proxy.httpUrl, 'admin', env.ADMIN_PASSWORD));
    for (const username of ['rolling-wall-1', 'rolling-wall-2']) dataOf(await admin.post('/api/users', { username, displayName: username, role: 'wall', teamId: null, password: PASSWORD }));
    browser = await launchChromium();
    pages.push(await openWall('rolling-wall-1'));
    say(`A serves ${old.buildId}; wall 1 on it; building ${next.buildId}`);
    await building;
    b = await startServer({ env: { ...env, CLIENT_DIR: nextDir } });
    // On ports of its own (free now, not when the proxy started): the proxy's server b is pointed at them.
    for (const [backend, port] of [['tidewatch', b.port], ['tidewatch_build_files', b.port], ['tidewatch_osmand', b.osmandPort]] as const) {
      await proxy.command(`set server ${backend}/b addr 127.0.0.1 port ${port}`);
    }
    say('B runs the new build');
  }, 240_000);

  afterAll(async () => {
    // A suite that failed before the build was done: stop it before its directory goes.
    stopBuilding.abort();
    await building.catch(() => undefined);
    await browser?.close();
    await proxy?.stop();
    await Promise.all([a?.dispose(), b?.dispose()]);
    await state.remove();
    if (nextDir) await rm(nextDir, { recursive: true, force: true });
  }, 60_000);

  async function serverStatus(name: 'a' | 'b'): Promise<string> {
    const [header, ...rows] = (await proxy.command('show stat')).split('\n');
    const status = header!.replace(/^# /, '').split(',').indexOf('status');
    return rows.map((row) => row.split(',')).find((cells) => cells[0] === 'tidewatch' && cells[1] === name)?.[status] ?? 'missing';
  }

  /**
   * From now on new connections go to `to` alone: the other instance drains (what it holds stays open), and with
   * `cut` its open connections are closed as well, so the screens on it reconnect to `to`.
   */
  async function routeTo(to: 'a' | 'b', { cut = false } = {}): Promise<void> {
    const other = to === 'a' ? 'b' : 'a';
    await proxy.command(`set server tidewatch/${to} state ready`);
    await expect.poll(() => serverStatus(to), { timeout: 15_000 }).toBe('UP');
    await proxy.command(`set server tidewatch/${other} state drain`);
    if (cut) await proxy.command(`shutdown sessions server tidewatch/${other}`);
  }

  function watchLoads(page: Page): void {
    const isBuildFile = (url: string) => new URL(url).pathname.startsWith('/assets/');
    page.on('response', (res) => {
      if (res.status() >= 400 && (isBuildFile(res.url()) || res.request().resourceType() === 'document')) broken.push(`${res.status()} ${new URL(res.url()).pathname}`);
    });
    page.on('requestfailed', (req) => void (isBuildFile(req.url()) && broken.push(`failed ${new URL(req.url()).pathname}`)));
  }

  async function openWall(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    watchLoads(page);
    await signIn(page, proxy.httpUrl, username, PASSWORD, /\/wall$/);
    // Also while the suite sets up (no expect.poll there).
    await eventually(async () => (await connection(page)) === 'online' || null, 30_000, `${username} online`);
    await mark(page);
    return page;
  }

  const connection = (page: Page) => page.getByTestId('connection-state').first().getAttribute('data-state');
  const online = (page: Page) => expect.poll(() => connection(page), { timeout: 30_000 }).toBe('online');
  /** Set on the page now; gone once it has reloaded. */
  const mark = (page: Page) => page.evaluate(() => void ((window as unknown as { beforeUpgrade: boolean }).beforeUpgrade = true));
  const stateOf = async (page: Page): Promise<WallState> => {
    const shown = await page
      .evaluate(() => ({
        build: document.documentElement.dataset.build,
        notice: document.querySelector('[data-testid="update-notice"]')?.getAttribute('data-state') ?? 'none',
        reloaded: !(window as unknown as { beforeUpgrade?: boolean }).beforeUpgrade,
      }))
      .catch(() => ({ build: undefined, notice: 'loading', reloaded: true }));
    return { ...shown, broken: [...broken] };
  };
  /** Its connection went away and came back (to whichever instance the proxy sends it now). */
  const reconnected = async (page: Page) => {
    await expect.poll(() => connection(page), { timeout: 10_000, interval: 50 }).not.toBe('online');
    await online(page);
  };
  /** What the wall showed over `ms`: the builds and notices seen, and whether it reloaded. */
  const over = async (page: Page, ms: number) => {
    const seen: WallState[] = [];
    for (const until = Date.now() + ms; Date.now() < until; await page.waitForTimeout(250)) seen.push(await stateOf(page));
    return { builds: [...new Set(seen.map((s) => s.build))], notices: [...new Set(seen.map((s) => s.notice))], reloaded: seen.some((s) => s.reloaded), broken: [...broken] };
  };

  it('walls move to the new build at most once, never back, and a reload that lands on the old build does not loop', async () => {
    const [wall1] = pages as [Page];
    expect((await stateOf(wall1)).build).toBe(old.buildId);

    // Wall 1's connection reaches the upgraded instance: it reloads itself into the new build (only B answers).
    await routeTo('b', { cut: true });
    await expect.poll(async () => (await stateOf(wall1)).notice, { timeout: 20_000, interval: 100 }).toBe('reloading');
    await expect.poll(() => stateOf(wall1), { timeout: 20_000 }).toMatchObject({ reloaded: true, build: next.buildId, notice: 'updated', broken: [] });
    await online(wall1);
    await mark(wall1);
    say('wall 1 reloaded into the new build');

    // Its next connection reaches A, not yet upgraded: it stays on the new build and asks for nothing. Meanwhile a
    // second wall is switched on, and gets the old build from A.
    await routeTo('a', { cut: true });
    await reconnected(wall1);
    const [onOld, wall2] = await Promise.all([over(wall1, 8_000), openWall('rolling-wall-2')]);
    pages.push(wall2);
    expect({ ...onOld, notices: onOld.notices.filter((n) => RELOAD_NOTICES.includes(n)) }).toEqual({ builds: [next.buildId], notices: [], reloaded: false, broken: [] });
    expect((await stateOf(wall2)).build).toBe(old.buildId);
    say('wall 1 stayed on the new build on A; wall 2 opened on the old one');

    // Wall 2's connection reaches B; its reload is sent to A, not yet upgraded, and gets the old build again.
    await routeTo('b', { cut: true });
    await expect.poll(async () => (await stateOf(wall2)).notice, { timeout: 30_000, interval: 100 }).toBe('reloading');
    await routeTo('a');
    await expect.poll(() => stateOf(wall2), { timeout: 20_000 }).toMatchObject({ reloaded: true, build: old.buildId, broken: [] });
    await online(wall2);
    await mark(wall2);
    say('wall 2 reloaded and landed on A (old build)');

    // Its next connection reaches B again: no second reload by itself; it offers the reload to whoever is there.
    await routeTo('b', { cut: true });
    await reconnected(wall2);
    await expect.poll(async () => (await stateOf(wall2)).notice, { timeout: 10_000 }).toBe('offer');
    expect(await over(wall2, 6_000)).toEqual({ builds: [old.buildId], notices: ['offer'], reloaded: false, broken: [] });
    await saveScreenshot(wall2, 'rolling-wall-offer');
    // Wall 1 went along to B too: in step, nothing shown.
    expect(await stateOf(wall1)).toMatchObject({ build: next.buildId, notice: 'none', reloaded: false });

    // Someone presses the button: the reload reaches B, and wall 2 runs the new build.
    await wall2.getByTestId('update-reload').click();
    await expect.poll(() => stateOf(wall2), { timeout: 20_000 }).toMatchObject({ reloaded: true, build: next.buildId, notice: 'updated', broken: [] });
    for (const page of pages) await page.context().close();
  });

  it('gives every page its own build\'s files, whichever instance is asked first', async () => {
    await proxy.command('set server tidewatch/a state ready');
    await proxy.command('set server tidewatch/b state ready');
    // The files one build has and the other not: each asked twice, so that each reaches both instances first.
    const [oldFiles, nextFiles] = await Promise.all([readdir(path.join(OLD_DIR, 'assets')), readdir(path.join(nextDir, 'assets'))]);
    const own = [...oldFiles.filter((f) => !nextFiles.includes(f)).map((f) => path.join(OLD_DIR, 'assets', f)), ...nextFiles.filter((f) => !oldFiles.includes(f)).map((f) => path.join(nextDir, 'assets', f))];
    expect(own.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const file of [...own, ...own]) {
      const res = await fetch(`${proxy.httpUrl}/assets/${path.basename(file)}`);
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200 || !body.equals(await readFile(file))) wrong.push(`${res.status} ${path.basename(file)}`);
    }
    expect(wrong).toEqual([]);
    // Some of them were asked of the instance without them first, and HAProxy asked the other one.
    expect(proxy.logs()).toMatch(/tidewatch_build_files\/[ab] .* \d+\/\d+\/\d+\/\d+\/\+?[1-9]\d* .*"GET \/assets\//);

    // A browser opening the app gets whichever build's page, and that build's scripts and styles from any instance.
    for (let visit = 0; visit < 2; visit++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      watchLoads(page);
      await page.goto(`${proxy.httpUrl}/login`);
      await expect.poll(() => page.getByTestId('login-username').isVisible(), { timeout: 15_000 }).toBe(true);
      await context.close();
    }
    expect(broken).toEqual([]);
  });
});
