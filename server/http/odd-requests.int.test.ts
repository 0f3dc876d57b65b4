import net from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerHandle } from '../testing/server-process';

let server: ServerHandle;

beforeAll(async () => {
  server = await startServer({ env: { VIDEO: 'off' } });
});
afterAll(async () => server?.dispose());

/** Sends bytes as they are (no client library tidying them up) and reads the status of the answer, or null. */
function rawStatus(port: number, request: string | Buffer): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    const done = () => {
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1];
      resolve(status === undefined ? null : Number(status));
    };
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) socket.end();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.setTimeout(10_000, () => socket.destroy());
  });
}

const request = (line: string, headers: string[] = [], body: string | Buffer = '') => {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const head = [line, 'Host: 127.0.0.1', 'Connection: close', ...headers, ...(bytes.length > 0 ? [`Content-Length: ${bytes.length}`] : []), '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
};
const json = ['Content-Type: application/json'];

/** What a scanner, a broken tracker or a curious visitor sends without signing in. */
const MAIN_PORT: Array<[string, Buffer | string]> = [
  ['missing asset', request('GET /assets/no-such-file-3f2a.js HTTP/1.1')],
  ['missing asset, twice', request('GET /assets/no-such-file-3f2a.js HTTP/1.1')],
  ['missing top-level file', request('GET /favicon-nope.png HTTP/1.1')],
  ['.. out of the assets', request('GET /assets/../../../etc/passwd HTTP/1.1')],
  ['encoded .. out of the assets', request('GET /assets/..%2f..%2fpackage.json HTTP/1.1')],
  ['encoded .. at the root', request('GET /..%2f..%2f..%2fetc%2fpasswd HTTP/1.1')],
  ['bad percent-encoding in an asset', request('GET /assets/%E0%A4%A HTTP/1.1')],
  ['bad percent-encoding in the API', request('GET /api/cameras/%zz HTTP/1.1')],
  ['bad percent-encoding in ingest', request('GET /ingest/%zz HTTP/1.1')],
  ['NUL in the path', request('GET /index.html%00.js HTTP/1.1')],
  ['unknown API route', request('GET /api/no-such-thing HTTP/1.1')],
  ['unknown method on the API', request('PROPFIND /api/cameras HTTP/1.1')],
  ['unknown method at the root', request('PURGE / HTTP/1.1')],
  ['method the parser refuses', request('FOO / HTTP/1.1')],
  ['not HTTP at all', 'hello there\r\n\r\n'],
  ['absolute-form target that is not a URL', request('GET http://[::1 HTTP/1.1')],
  ['HTTP/2 preface on plain HTTP', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
  ['huge header', request('GET / HTTP/1.1', [`X-Filler: ${'a'.repeat(20_000)}`])],
  ['huge URL', request(`GET /${'x'.repeat(70_000)} HTTP/1.1`)],
  ['bad JSON to sign in', request('POST /api/auth/login HTTP/1.1', json, '{"username": "admin", ')],
  ['JSON that is not an object', request('POST /api/auth/login HTTP/1.1', json, '[1,2,3]')],
  ['JSON null', request('POST /api/auth/login HTTP/1.1', json, 'null')],
  ['wrong field types', request('POST /api/auth/login HTTP/1.1', json, '{"username": {"$ne": 1}, "password": [1]}')],
  ['unknown charset', request('POST /api/auth/login HTTP/1.1', ['Content-Type: application/json; charset=klingon'], '{}')],
  ['gzip that is not gzip', request('POST /api/auth/login HTTP/1.1', [...json, 'Content-Encoding: gzip'], '{}')],
  ['unknown content encoding', request('POST /api/auth/login HTTP/1.1', [...json, 'Content-Encoding: compress-9000'], '{}')],
  ['gzip bomb-ish body', request('POST /api/auth/login HTTP/1.1', [...json, 'Content-Encoding: gzip'], gzipSync(Buffer.alloc(2_000_000, 0x20)))],
  ['invalid UTF-8 in JSON', request('POST /api/auth/login HTTP/1.1', json, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]))],
  ['body bigger than the limit', request('POST /api/auth/login HTTP/1.1', json, `{"username":"${'a'.repeat(300_000)}"}`)],
  ['bad bearer token', request('GET /api/cameras HTTP/1.1', ['Authorization: Bearer ../../\u00ff'])],
  ['bad Basic credentials to OwnTracks', request('POST /ingest/owntracks HTTP/1.1', [...json, 'Authorization: Basic %%%not-base64'], '{"_type":"location"}')],
  ['bad JSON to OwnTracks', request('POST /ingest/owntracks HTTP/1.1', json, '{bad')],
  ['socket.io with a bad transport', request('GET /socket.io/?EIO=4&transport=carrier-pigeon HTTP/1.1')],
  ['CSV upload without signing in', request('POST /api/supplies/csv/stock HTTP/1.1', ['Content-Type: text/csv'], 'a,b\n')],
];

/** The OsmAnd port takes one kind of request; everything else is a 4xx. */
const OSMAND_PORT: Array<[string, Buffer | string]> = [
  ['absolute-form target that is not a URL', request('GET http://[::1 HTTP/1.1')],
  ['absolute-form target with a bad port', request('GET http://a:b@:99999/ HTTP/1.1')],
  ['not HTTP at all', 'hello there\r\n\r\n'],
  ['method the parser refuses', request('FOO / HTTP/1.1')],
  ['unknown method', request('DELETE /?id=1 HTTP/1.1')],
  ['asterisk target', request('OPTIONS * HTTP/1.1')],
  ['.. path', request('GET /../../etc/passwd HTTP/1.1')],
  ['bad percent-encoding', request('GET /?id=%zz&lat=%E0%A4%A HTTP/1.1')],
  ['bad JSON', request('POST / HTTP/1.1', json, '{"id":')],
  ['huge header', request('GET /?id=1 HTTP/1.1', [`X-Filler: ${'a'.repeat(20_000)}`])],
  ['body bigger than the limit', request('POST / HTTP/1.1', ['Content-Type: application/x-www-form-urlencoded'], `id=${'a'.repeat(100_000)}`)],
];

describe('odd requests without signing in', () => {
  it('never get a 5xx on the main port', async () => {
    const answers: Array<[string, number | null]> = [];
    for (const [what, bytes] of MAIN_PORT) answers.push([what, await rawStatus(server.port, bytes)]);
    expect(answers.filter(([, status]) => status === null || status >= 500)).toEqual([]);
    expect(Object.fromEntries(answers)).toMatchObject({ 'missing asset': 404, 'missing asset, twice': 404, 'missing top-level file': 404, 'bad JSON to sign in': 400, 'gzip that is not gzip': 400 });
  });

  it('never get a 5xx on the OsmAnd port; a malformed request target is a 400', async () => {
    const answers: Array<[string, number | null]> = [];
    for (const [what, bytes] of OSMAND_PORT) answers.push([what, await rawStatus(server.osmandPort, bytes)]);
    expect(answers.filter(([, status]) => status === null || status >= 500)).toEqual([]);
    expect(Object.fromEntries(answers)).toMatchObject({ 'absolute-form target that is not a URL': 400, 'absolute-form target with a bad port': 400, 'not HTTP at all': 400 });
  });

  it('leave no error stack in the log', async () => {
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);
    expect(server.logs()).not.toMatch(/unexpected error/);
  });
});
