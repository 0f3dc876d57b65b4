import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { toAckError } from './error-mapper';

function capturedLogger() {
  const lines: Array<{ msg: string; err?: { stack?: string }; count?: number }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')));
      done();
    },
  });
  return { log: pino({ level: 'debug' }, sink), lines };
}

const failAt = (message: string) => new Error(message);

describe('unexpected errors in the log', () => {
  it('logs a stack the first time an error happens and one line at the 10th and 100th repeat, answering 500 each time', async () => {
    const { log, lines } = capturedLogger();
    const statuses = new Set<number>();
    for (let i = 0; i < 150; i++) statuses.add(toAckError(failAt('the disk is on fire'), log).status);
    toAckError(new TypeError('something else broke'), log);
    await new Promise((r) => setImmediate(r));
    expect([...statuses]).toEqual([500]);
    expect(lines.map((l) => [l.msg, l.count ?? null])).toEqual([
      ['unexpected error', null],
      ['unexpected error repeated', 10],
      ['unexpected error repeated', 100],
      ['unexpected error', null],
    ]);
    expect(lines.filter((l) => l.err?.stack).length).toBe(2);
  });

  it('answers a client error raised by Express or its parsers with its 4xx and logs nothing', async () => {
    const { log, lines } = capturedLogger();
    const missing = Object.assign(new Error("ENOENT: no such file or directory, stat '/srv/dist/client/assets/x.js'"), { status: 404, statusCode: 404, expose: false });
    expect(toAckError(missing, log)).toEqual({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND', message: 'Not found.' } } });
    const badGzip = Object.assign(new Error('incorrect header check'), { status: 400, expose: true });
    expect(toAckError(badGzip, log)).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    await new Promise((r) => setImmediate(r));
    expect(lines).toEqual([]);
  });
});
