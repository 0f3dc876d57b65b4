import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fix } from '../../shared/schemas/position';
import { fix, openTestServices, type TestServices } from '../positions/test-support';
import { TeamSuggester } from './team-suggester';

const NOW = Date.UTC(2025, 8, 15, 6, 0, 0);
const STALE_MS = 120_000;
const SCENE = { lat: 29.47, lon: 121.87 };
let s: TestServices;

beforeEach(async () => {
  s = await openTestServices(() => NOW);
  for (const id of ['near-phone', 'mid-tracker', 'far-tablet', 'mid-tracker-fix']) await s.addTeam(id);
});
afterEach(() => s.close());

async function addTracker(teamId: string, lastSeenAt: number | null): Promise<void> {
  await s.store.db
    .insertInto('devices')
    .values({
      id: `dev-${teamId}`,
      team_id: teamId,
      kind: 'osmand',
      name: '手机',
      osmand_key_hash: null,
      username: null,
      password_hash: null,
      last_seen_at: lastSeenAt === null ? null : new Date(lastSeenAt).toISOString(),
      rejected_fixes: 0,
      last_reject_reason: null,
      battery: null,
      clock_skew_ms: null,
      thinned_fixes: 0,
      revoked: 0,
      created_at: new Date(NOW - 86_400_000).toISOString(),
    })
    .execute();
}

describe('team suggestions', () => {
  it('say how each team is reached and rank a tablet online, then a tracker, then phone only, each by distance', async () => {
    // The phone-only team is the nearest (its base is at the scene) but has never reported.
    const fixes: Record<string, Fix> = {
      'far-tablet': fix('far-tablet', NOW - 10_000, { lat: 29.6, lon: 121.9, deviceId: 'browser:user-1' }),
      'mid-tracker': fix('mid-tracker', NOW - 10_000, { lat: 29.5, lon: 121.87 }),
      'mid-tracker-fix': fix('mid-tracker-fix', NOW - 10_000, { lat: 29.52, lon: 121.87, deviceId: 'traccar-7' }),
    };
    await addTracker('mid-tracker', NOW - 30_000);
    await addTracker('near-phone', NOW - 3_600_000); // heard an hour ago: not a way to reach the team now
    const suggester = new TeamSuggester(s.store.db, (id) => fixes[id] ?? null, STALE_MS, () => NOW, (id) => id === 'far-tablet');
    const { teams } = await suggester.suggest({ ...SCENE, limit: 10, includeBusy: true });
    expect(teams.map((t) => [t.team.id, t.reach])).toEqual([
      ['far-tablet', 'tablet'],
      ['mid-tracker', 'tracker'],
      ['mid-tracker-fix', 'tracker'],
      ['near-phone', 'phone'],
    ]);
    expect(teams.at(-1)).toMatchObject({ from: 'base', distanceMetres: 0, team: { phone: '13800000000' } });
  });

  it('still lists free teams before busy ones', async () => {
    await s.store.db.updateTable('teams').set({ status: 'on_scene' }).where('id', '=', 'far-tablet').execute();
    const suggester = new TeamSuggester(s.store.db, () => null, STALE_MS, () => NOW, (id) => id === 'far-tablet');
    const { teams } = await suggester.suggest({ ...SCENE, limit: 10, includeBusy: true });
    expect(teams.at(-1)).toMatchObject({ team: { id: 'far-tablet' }, available: false, reach: 'tablet' });
  });
});
