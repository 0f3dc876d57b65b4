import http from 'node:http';
import { ERROR_CATALOGUE } from '../../shared/errors';
import { DomainError } from '../errors';
import { toAckError } from '../http/respond';
import { Intake, receiveOsmand, type IngestDeps } from './intake';

const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * The dedicated OsmAnd port (OSMAND_PORT, 5055 as in Traccar), answering at `/`, so Traccar Client
 * works with its default server URL. A plain Node handler rather than Express: this port takes one
 * request per device per second and nothing else. Returned unstarted: the composition listens and closes it.
 */
export function createOsmandServer(deps: IngestDeps): http.Server {
  const intake = new Intake(deps);
  const server = http.createServer((req, res) => {
    void answer(req, deps, intake).then(({ status, body }) => {
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    });
  });
  // Phones on flaky mobile links: do not let a stalled request hold a socket for minutes.
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  return server;
}

async function answer(req: http.IncomingMessage, deps: IngestDeps, intake: Intake): Promise<{ status: number; body?: unknown }> {
  try {
    const url = new URL(req.url ?? '/', 'http://osmand.invalid');
    if (url.pathname !== '/' || (req.method !== 'GET' && req.method !== 'POST')) throw new DomainError('NOT_FOUND');
    const contentType = req.headers['content-type'];
    const body = req.method === 'POST' ? parseBody(await readBody(req), contentType) : undefined;
    if (req.method === 'GET') req.resume();
    await receiveOsmand(intake, deps.devices, { query: Object.fromEntries(url.searchParams), body, contentType }, req.socket.remoteAddress ?? null);
    return { status: 200 };
  } catch (error) {
    const { status, body } = toAckError(error, deps.logger);
    return { status, body };
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT_BYTES) {
        reject(new DomainError('PAYLOAD_TOO_LARGE', ERROR_CATALOGUE.PAYLOAD_TOO_LARGE.message));
        req.destroy();
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
