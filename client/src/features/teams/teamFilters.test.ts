import { describe, expect, it } from 'vitest';
import { team } from './testFixtures';
import { countByStatus, EMPTY_FILTER, filterTeams } from './teamFilters';

const teams = [
  team('a', { name: '石浦镇救援队', kind: 'township', status: 'on_scene' }),
  team('b', { name: '象山蓝天救援队', kind: 'civil', status: 'standby' }),
  team('c', { name: '石浦消防站', kind: 'fire_rescue', status: 'standby' }),
];

describe('team filters', () => {
  it('filters by kind, status and name', () => {
    expect(filterTeams(teams, EMPTY_FILTER)).toHaveLength(3);
    expect(filterTeams(teams, { ...EMPTY_FILTER, search: '石浦' }).map((t) => t.id)).toEqual(['a', 'c']);
    expect(filterTeams(teams, { kind: 'fire_rescue', status: 'standby', search: '' }).map((t) => t.id)).toEqual(['c']);
  });
  it('counts by status', () => {
    expect(countByStatus(teams)).toMatchObject({ standby: 2, on_scene: 1, dispatched: 0 });
  });
});
