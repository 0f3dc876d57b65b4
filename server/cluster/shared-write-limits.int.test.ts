import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceCredentials } from '../../shared/schemas/device';
import type { Team } from '../../shared/schemas/team';
import { WriteLimiter } from '../actions/write-limiter';
import { TEAM_INPUT, TestClient, dataOf, httpClient, login } from '../testing/int-support';
import { clusterTestState } from '../testing/cluster-state';
import { startServer, type ServerHandle } from '../testing/server-process';
import { redisLimiters } from './rate-limiters';

const REPORTS_PER_MINUTE = 4;

/** A tablet (or a tracker) balanced over two instances gets no more than on one: its limits are counted in Redis. */
describe('per-tablet write limits and device password throttles over two instances', () => {
  const state = clusterTestState('limits');
  const env = { ...state.env, VIDEO: 'off', FIELD_REPORTS_PER_MINUTE: String(REPORTS_PER_MINUTE) };
  let a: ServerHandle;
  let b: ServerHandle;
  let team: Team;

  beforeAll(async () => {
    a = await startServer({ env });
    b = await startServer({ env });
    const admin = httpClient(a.baseUrl, await login(a.baseUrl, 'admin', env.ADMIN_PASSWORD));
    team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '限流队' }));
    dataOf(await admin.post('/api/users', { username: 'tablet-1', displayName: '平板1', role: 'field', teamId: team.id, password: 'long-enough-password' }));
  });
  afterAll(async () => {
    await Promise.all([a?.dispose(), b?.dispose()]);
    await state.remove();
  });

  it('files only a minute\'s allowance of reports from one tablet whose requests land on both instances', async () => {
    const token = await login(a.baseUrl, 'tablet-1', 'long-enough-password');
    const [onA, onB] = [new TestClient(a.baseUrl, token), new TestClient(b.baseUrl, token)];
    try {
      await Promise.all([onA.connected(), onB.connected()]);
      const answers = [];
      for (let i = 0; i < REPORTS_PER_MINUTE * 2; i++) answers.push(await (i % 2 === 0 ? onA : onB).request('incident:field_report', { actionId: randomUUID(), text: `两台实例上报${i}` }));
      // On each instance alone the tablet would have filed all eight (four a side).
      expect(answers.filter((r) => r.ok)).toHaveLength(REPORTS_PER_MINUTE);
      expect(answers.slice(REPORTS_PER_MINUTE)).toEqual(Array.from({ length: REPORTS_PER_MINUTE }, () => expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'WRITE_THROTTLED', details: { retryAfterMs: expect.any(Number) } }) })));
    } finally {
      onA.close();
      onB.close();
    }
  });

  it('locks out a device password guesser balanced over both instances after as many guesses as on one', async () => {
    const admin = httpClient(a.baseUrl, await login(a.baseUrl, 'admin', env.ADMIN_PASSWORD));
    const device = dataOf(await admin.post<DeviceCredentials>('/api/devices', { teamId: team.id, kind: 'owntracks', name: '手机' }));
    const guess = (server: ServerHandle, password: string) =>
      fetch(`${server.baseUrl}/ingest/owntracks`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${device.owntracksUser}:${password}`).toString('base64')}` }, body: '' }).then((r) => r.status);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push(await guess(i % 2 === 0 ? a : b, `wrong-${i}`));
    // On each instance alone the guesser would have had three more tries.
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429]);
  }, 30_000);

  it('keeps limiting each tablet per instance, never not at all, while Redis does not answer', async () => {
    const dead = new Redis('redis://127.0.0.1:1', { enableOfflineQueue: false, commandTimeout: 1_000, maxRetriesPerRequest: 0, lazyConnect: true });
    dead.on('error', () => undefined);
    try {
      const limiter = new WriteLimiter({ name: 'field-reports', perMinute: 3 }, redisLimiters(dead, env.REDIS_PREFIX));
      for (let i = 0; i < 3; i++) await limiter.take('tablet-session');
      await expect(limiter.take('tablet-session')).rejects.toMatchObject({ code: 'WRITE_THROTTLED' });
    } finally {
      dead.disconnect();
    }
  });
});
