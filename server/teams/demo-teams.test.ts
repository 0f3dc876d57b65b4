import { describe, expect, it } from 'vitest';
import { TEAM_KINDS } from '../../shared/enums';
import { TeamCreateSchema } from '../../shared/schemas/team';
import { TOWNSHIP_NAMES, townshipAt } from '../../shared/townships';
import { DEMO_TEAMS } from './demo-teams';

describe('demo county', () => {
  it('has 20+ valid teams of every kind', () => {
    expect(DEMO_TEAMS.length).toBeGreaterThanOrEqual(20);
    for (const team of DEMO_TEAMS) expect(TeamCreateSchema.safeParse(team).success).toBe(true);
    for (const kind of TEAM_KINDS) expect(DEMO_TEAMS.some((t) => t.kind === kind)).toBe(true);
    expect(new Set(DEMO_TEAMS.map((t) => t.id)).size).toBe(DEMO_TEAMS.length);
  });

  it('puts every base on land inside the township it names', () => {
    for (const team of DEMO_TEAMS) {
      expect(TOWNSHIP_NAMES).toContain(team.township);
      expect({ team: team.id, township: townshipAt(team.base) }).toEqual({ team: team.id, township: team.township });
    }
  });

  it('covers the five rescue zones', () => {
    const zones = DEMO_TEAMS.filter((t) => t.id.startsWith('zone-')).map((t) => t.name);
    expect(zones.map((n) => n.slice(0, 1)).sort()).toEqual(['东', '中', '北', '南', '西'].sort());
  });
});
