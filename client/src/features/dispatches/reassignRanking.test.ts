import { describe, expect, it } from 'vitest';
import type { Team } from '@shared/schemas/team';
import { rankTeamsForReassign } from './reassignRanking';

const team = (id: string, status: Team['status'], lat: number): Team => ({
  id,
  name: id,
  kind: 'township',
  leader: '',
  phone: '',
  headcount: 5,
  capabilities: [],
  baseName: '',
  base: { lat, lon: 121.9 },
  township: null,
  status,
  updatedAt: '2026-09-01T00:00:00.000Z',
});

describe('rankTeamsForReassign', () => {
  const destination = { lat: 29.4, lon: 121.9 };
  const teams = [team('far-free', 'standby', 29.1), team('near-busy', 'on_scene', 29.41), team('near-free', 'standby', 29.42), team('old', 'standby', 29.4), team('resting', 'off_duty', 29.4)];

  it('puts free teams first, nearest first, and leaves out the team being replaced and teams off duty', () => {
    const ranked = rankTeamsForReassign(teams, 'old', destination, () => undefined);
    expect(ranked.map((r) => r.team.id)).toEqual(['near-free', 'far-free', 'near-busy']);
    expect(ranked[0]!.metres).toBeGreaterThan(2000);
    expect(ranked[0]!.metres).toBeLessThan(2500);
  });

  it('measures from the team’s last reported position rather than its base', () => {
    const ranked = rankTeamsForReassign(teams, 'old', destination, (id) => (id === 'far-free' ? { lat: 29.4, lon: 121.9 } : undefined));
    expect(ranked[0]).toMatchObject({ team: { id: 'far-free' }, metres: 0 });
  });
});
