import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler, handle } from './respond';

// Found by the contract fuzz (server/fuzz): these answered 500 INTERNAL and logged "unexpected error".
let server: http.Server;
let base: string;

beforeAll(async () => {
  const api = express.Router()
    .get('/teams/:id', handle((req) => ({ id: req.params.id })))
    .post('/teams', handle((req) => req.body as unknown));
  server = http.createServer(express().use('/api', express.json(), api).use(errorHandler(pino({ level: 'silent' }))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => server.close());

const answer = async (res: Response) => ({ status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string } } });

describe('the HTTP error mapper', () => {
  it('answers a path param that is not valid percent-encoding with 400, not a 500', async () => {
    expect(await answer(await fetch(`${base}/teams/%E0%A4%A`))).toMatchObject({ status: 400, body: { ok: false, error: { code: 'VALIDATION_FAILED' } } });
    expect(await answer(await fetch(`${base}/teams/%25E0`))).toMatchObject({ status: 200, body: { ok: true } });
  });

  it.each(['gzip', 'br', 'deflate'])('answers a %s body that does not decompress with 400, not a 500', async (encoding) => {
    const res = await fetch(`${base}/teams`, { method: 'POST', body: '{"name":"一队"}', headers: { 'content-type': 'application/json', 'content-encoding': encoding } });
    expect(await answer(res)).toMatchObject({ status: 400, body: { ok: false, error: { code: 'VALIDATION_FAILED' } } });
  });

  it('still answers an unexpected failure with 500 INTERNAL', async () => {
    const app = express().get('/boom', handle(() => { throw new Error('disk on fire'); })).use(errorHandler(pino({ level: 'silent' })));
    const boom = http.createServer(app);
    await new Promise<void>((resolve) => boom.listen(0, '127.0.0.1', resolve));
    const res = await fetch(`http://127.0.0.1:${(boom.address() as AddressInfo).port}/boom`);
    boom.close();
    expect(await answer(res)).toMatchObject({ status: 500, body: { ok: false, error: { code: 'INTERNAL' } } });
  });
});
