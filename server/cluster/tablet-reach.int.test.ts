import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Team } from '../../shared/schemas/team';
import type { TeamReach, TeamSuggestions } from '../../shared/schemas/team-suggestion';
import { TEAM_INPUT, TestClient, dataOf, eventually, httpClient, login } from '../testing/int-support';
import { clusterTestState } from '../testing/cluster-state';
import { startServer, type ServerHandle } from '../testing/server-process';
import { PRESENCE_TIMING } from './tablet-presence';

/** A duty officer's desk on one instance, a rescue team's tablet on the other, as HAProxy may balance them. */
describe('a team\'s tablet online, asked on another instance', () => {
  const state = clusterTestState('reach');
  const env = { ...state.env, VIDEO: 'off', SEED: 'none', LOG_LEVEL: 'warn' };
  let desk: ServerHandle;
  let tablets: ServerHandle;

  beforeAll(async () => {
    // Booting together: one migrates while the other waits at the boot lock.
    [desk, tablets] = await Promise.all([startServer({ env }), startServer({ env })]);
  });
  afterAll(async () => {
    await Promise.all([desk?.dispose(), tablets?.dispose()]);
    await state.remove();
  });

  it('is shown on the desk\'s instance while connected to the other, ends with its connection, and within the TTL once that instance is killed', async () => {
    const onDesk = httpClient(desk.baseUrl, await login(desk.baseUrl, 'admin', env.ADMIN_PASSWORD));
    const team = dataOf(await onDesk.post<Team>('/api/teams', { ...TEAM_INPUT, name: '平板队' }));
    dataOf(await onDesk.post('/api/users', { username: 'reach-tablet', displayName: '平板', role: 'field', teamId: team.id, password: 'tablet-password-1' }));
    const reach = async (): Promise<TeamReach | undefined> => {
      const { teams } = dataOf(await onDesk.get<TeamSuggestions>(`/api/dispatches/suggestions?lat=${TEAM_INPUT.base.lat}&lon=${TEAM_INPUT.base.lon}&limit=10&includeBusy=true`));
      return teams.find((s) => s.team.id === team.id)?.reach;
    };
    const connectTablet = async () => {
      const tablet = new TestClient(tablets.baseUrl, await login(tablets.baseUrl, 'reach-tablet', 'tablet-password-1'));
      await tablet.connected();
      expect((await tablet.request('sync:hello', { lastSeq: null })).ok).toBe(true);
      return tablet;
    };
    expect(await reach()).toBe('phone');

    const tablet = await connectTablet();
    await eventually(async () => (await reach()) === 'tablet', 5_000, 'the tablet on the other instance counted on the desk\'s');
    tablet.close();
    await eventually(async () => (await reach()) === 'phone', 5_000, 'the disconnected tablet no longer counted');

    const again = await connectTablet();
    try {
      await eventually(async () => (await reach()) === 'tablet', 5_000, 'the reconnected tablet counted');
      await tablets.kill();
      const killedAt = Date.now();
      await eventually(async () => (await reach()) === 'phone', PRESENCE_TIMING.ttlMs + 5_000, 'the killed instance\'s tablet no longer counted');
      expect(Date.now() - killedAt).toBeLessThanOrEqual(PRESENCE_TIMING.ttlMs + PRESENCE_TIMING.heartbeatMs + 1_000);
    } finally {
      again.close();
    }
  });
});
