import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, silentLogger, type TestServices } from '../../positions/test-support';
import { SignalRulesService } from '../signal-rules-service';
import { StormService } from '../storm-service';
import { DEFAULT_QUADRANT_ORDER } from '../importers/zhejiang-json';
import { ZhejiangFeed } from './zhejiang-feed';

// The list answer is real (15 October 2016, see ../fixtures/ATTRIBUTION.md); the storm answer is MADE UP
// in the TyphoonInfo shape, its number set to the list's storms.
const LIST = readFileSync(new URL('../fixtures/zhejiang_activity_node_typhoon_2016.json', import.meta.url), 'utf8');
const STORM = readFileSync(new URL('../fixtures/zhejiang_storm_made_up.json', import.meta.url), 'utf8');

/** A stand-in for the Zhejiang site on localhost: its list and storm endpoints, and a switch to make it fail. */
let mode: 'ok' | 'down' | 'garbage' = 'ok';
const requests: string[] = [];
const site = http.createServer((req, res) => {
  requests.push(req.url ?? '');
  if (mode === 'down') return void res.writeHead(503).end('maintenance');
  if (req.url === '/zj/Api/TyhoonActivity') return void res.writeHead(200, { 'content-type': 'application/json' }).end(mode === 'garbage' ? '<html>' : LIST);
  const storm = /^\/zj\/Api\/TyphoonInfo\/(\d{6})$/.exec(req.url ?? '');
  if (storm) return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(`cb(${STORM.replace('"202699"', `"${storm[1]}"`)});`);
  res.writeHead(404).end();
});

let services: TestServices;
let storms: StormService;
let now = Date.parse('2026-08-01T07:00:00Z');
let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/zj`;
  services = await openTestServices(() => now);
  storms = new StormService(services.store.db, services.transactor, new SignalRulesService(services.store.db, services.transactor), () => now);
});
afterAll(async () => {
  site.close();
  await services?.close();
});

describe('the Zhejiang feed', () => {
  it('reads the list, then each active storm, and stores them; a failure keeps the last good data and says how old it is', async () => {
    const feed = new ZhejiangFeed({ baseUrl, storms, quadrantOrder: DEFAULT_QUADRANT_ORDER, clock: () => now, logger: silentLogger });
    expect(feed.status()).toMatchObject({ enabled: true, lastSuccessAt: null, ageSeconds: null });

    expect(await feed.poll()).toEqual(['1621', '1622']);
    expect(requests).toEqual(['/zj/Api/TyhoonActivity', '/zj/Api/TyphoonInfo/201621', '/zj/Api/TyphoonInfo/201622']);
    const stored = await storms.list();
    expect(stored.map((s) => [s.id, s.source === 'zhejiang_json', s.forecasts.length])).toEqual([
      ['ty-1622', true, 2],
      ['ty-1621', true, 2],
    ]);

    now += 15 * 60_000;
    mode = 'down';
    expect(await feed.poll()).toBeNull();
    expect(feed.status()).toMatchObject({ lastSuccessAt: '2026-08-01T07:00:00.000Z', ageSeconds: 900, lastError: expect.stringContaining('503') });
    expect((await storms.list()).length).toBe(2);

    mode = 'garbage';
    now += 60_000;
    expect(await feed.poll()).toBeNull();
    expect(feed.status()).toMatchObject({ ageSeconds: 960 });
    expect(feed.status().lastError).not.toBeNull();

    mode = 'ok';
    expect(await feed.poll()).toEqual(['1621', '1622']);
    expect(feed.status()).toMatchObject({ ageSeconds: 0, lastError: null });
    // The same data again is not an update: the storms' versions did not move.
    const events = await services.log.readRange(0, Number.MAX_SAFE_INTEGER);
    expect(events.filter((e) => e.event.type.startsWith('typhoon.')).map((e) => e.event.type)).toEqual(['typhoon.imported', 'typhoon.imported']);
  });
});
