import { describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import { toAckError } from './error-mapper';
import { DomainError } from './errors';

describe('toAckError', () => {
  const log = pino({ level: 'silent' });

  it('maps a domain error by the catalogue', () => {
    expect(toAckError(new DomainError('FORBIDDEN'), log)).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN' } } });
  });

  it('answers a body that is not JSON with 400 and a huge one with 413', () => {
    expect(toAckError(Object.assign(new Error('x'), { type: 'entity.parse.failed' }), log)).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(toAckError(Object.assign(new Error('x'), { type: 'entity.too.large' }), log)).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
  });

  it('logs anything else and answers INTERNAL without its message', () => {
    const error = vi.spyOn(log, 'error');
    const answer = toAckError(new Error('secret detail'), log);
    expect(answer).toMatchObject({ status: 500, body: { ok: false, error: { code: 'INTERNAL' } } });
    expect(JSON.stringify(answer.body)).not.toContain('secret detail');
    expect(error).toHaveBeenCalledTimes(1);
  });
});
