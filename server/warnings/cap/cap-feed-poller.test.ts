import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestServices, silentLogger, type TestServices } from '../../positions/test-support';
import { CapFeedPoller } from './cap-feed-poller';
import { CapImportService } from './cap-import-service';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
let s: TestServices;
let server: http.Server;
let base: string;
const files: Record<string, { type: string; body: string }> = {};
let requests: string[] = [];

beforeEach(async () => {
  s = await openTestServices();
  requests = [];
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const file = files[req.url ?? ''];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await s.close();
});

describe('CAP feed polling', () => {
  it('imports the alerts an Atom and an RSS feed link to, once, and skips a broken one without stopping', async () => {
    files['/alerts/baoding.xml'] = { type: 'application/cap+xml', body: fs.readFileSync(path.join(FIXTURES, 'example_china_baoding_cma_lightning_yellow.cap.xml'), 'utf8') };
    files['/alerts/nws.xml'] = { type: 'application/cap+xml', body: fs.readFileSync(path.join(FIXTURES, 'example_thunderstorm_oasis_spec.cap.xml'), 'utf8') };
    files['/alerts/broken.xml'] = { type: 'application/cap+xml', body: '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier></alert>' };
    files['/feed.atom'] = {
      type: 'application/atom+xml',
      body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>1</id><link rel="alternate" type="text/html" href="/page"/><link type="application/cap+xml" href="/alerts/baoding.xml"/></entry><entry><id>2</id><link href="alerts/broken.xml"/></entry></feed>`,
    };
    files['/feed.rss'] = { type: 'application/rss+xml', body: `<rss version="2.0"><channel><title>t</title><item><link>${base}/alerts/nws.xml</link></item></channel></rss>` };
    const caps = new CapImportService(s.store.db, s.transactor);
    const poller = new CapFeedPoller([`${base}/feed.atom`, `${base}/missing.atom`, `${base}/feed.rss`], caps, silentLogger);
    expect(await poller.pass()).toEqual({ imported: 2, failed: 2 });
    expect((await caps.list()).map((a) => [a.sender, a.source]).sort()).toEqual([
      ['Baoding_Meteorological_Observatory', `${base}/feed.atom`],
      ['KSTO@NWS.NOAA.GOV', `${base}/feed.rss`],
    ]);
    requests = [];
    expect(await poller.pass()).toEqual({ imported: 0, failed: 1 });
    expect(requests.filter((r) => r.startsWith('/alerts/'))).toEqual([]);
  });
});
