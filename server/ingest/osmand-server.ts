import http from 'node:http';
import querystring from 'node:querystring';
import { ERROR_CATALOGUE } from '../../shared/errors';
import { DomainError } from '../errors';
import type { Logger } from '../logger';
import { toAckError } from '../error-mapper';
import { Intake, receiveOsmand, type IngestDeps } from './intake';

const BODY_LIMIT_BYTES = 64 * 1024;
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/**
 * The dedicated OsmAnd port (OSMAND_PORT, 5055 as in Traccar), answering at `/`, so Traccar Client
 * works with its default server URL. A plain Node handler rather than Express: this port takes one
 * request per device per second and nothing else, thousands a second in all, so a request from a
 * known device is answered without a promise, a URL object or a body stream when it has no body.
 * Returned unstarted: the composition listens and closes it.
 */
export function createOsmandServer(deps: IngestDeps): http.Server {
  const intake = new Intake(deps);
  const server = http.createServer((req, res) => {
    let received: void | Promise<void>;
    try {
      received = receive(req, deps, intake);
    } catch (error) {
      refuse(res, error, deps.logger);
      return;
    }
    if (received) received.then(() => accept(res), (error: unknown) => refuse(res, error, deps.logger));
    else accept(res);
  });
  // Phones on flaky mobile links: do not let a stalled request hold a socket for minutes.
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  return server;
}

function receive(req: http.IncomingMessage, deps: IngestDeps, intake: Intake): void | Promise<void> {
  const { pathname, query } = target(req.url ?? '/');
  if (pathname !== '/' || (req.method !== 'GET' && req.method !== 'POST')) throw new DomainError('NOT_FOUND');
  const contentType = req.headers['content-type'];
  const remoteAddress = req.socket.remoteAddress ?? null;
  // Traccar Client POSTs with the fields in the query string and nothing in the body.
  if (req.method === 'GET' || !hasBody(req)) return receiveOsmand(intake, deps.devices, { query, body: undefined, contentType }, remoteAddress);
  return readBody(req).then((text) => receiveOsmand(intake, deps.devices, { query, body: parseBody(text, contentType), contentType }, remoteAddress));
}

function accept(res: http.ServerResponse): void {
  res.writeHead(200);
  res.end();
}

function refuse(res: http.ServerResponse, error: unknown, logger: Logger): void {
  const { status, body } = toAckError(error, logger);
  res.writeHead(status, status === 413 ? { ...JSON_HEADERS, connection: 'close' } : JSON_HEADERS);
  res.end(JSON.stringify(body));
}

/** Path and query of a request target; a repeated field counts once, its last value (as URLSearchParams has it). */
function target(url: string): { pathname: string; query: Record<string, string> } {
  if (!url.startsWith('/')) {
    // The absolute form (`http://host/?id=…`), which a client may send through a proxy; garbage is a 400.
    if (!URL.canParse(url, 'http://osmand.invalid')) throw new DomainError('VALIDATION_FAILED', 'The request target is not a URL.');
    const parsed = new URL(url, 'http://osmand.invalid');
    return { pathname: parsed.pathname, query: Object.fromEntries(parsed.searchParams) };
  }
  const mark = url.indexOf('?');
  if (mark === -1) return { pathname: url, query: {} };
  const query = querystring.parse(url.slice(mark + 1));
  for (const name in query) {
    const value = query[name];
    if (Array.isArray(value)) query[name] = value.at(-1) ?? '';
  }
  return { pathname: url.slice(0, mark), query: query as Record<string, string> };
}

const hasBody = (req: http.IncomingMessage): boolean =>
  req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT_BYTES) {
        // Stop reading; the 413 goes out with Connection: close, which ends the connection once it is sent.
        req.removeAllListeners('data');
        req.pause();
        reject(new DomainError('PAYLOAD_TOO_LARGE', ERROR_CATALOGUE.PAYLOAD_TOO_LARGE.message));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text.length === 0) return undefined;
  if (contentType?.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      throw new DomainError('VALIDATION_FAILED', 'The request body is not valid JSON.');
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}
