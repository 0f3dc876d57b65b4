import type { DomainEvent } from '@shared/schemas/event';
import type { Team } from '@shared/schemas/team';

/** Teams and their events for tests. */

const at = '2025-08-01T00:00:00.000Z';
const actor = { type: 'system', id: 'system', name: 'Tidewatch' } as const;

export const team = (id: string, over: Partial<Team> = {}): Team => ({
  id,
  name: `队伍${id}`,
  kind: 'fire_rescue',
  leader: '张三',
  phone: '13800000000',
  headcount: 10,
  capabilities: [],
  baseName: '丹东街道',
  base: { lat: 29.47, lon: 121.87 },
  township: '丹东街道',
  status: 'standby',
  updatedAt: at,
  ...over,
});

export const teamUpdated = (seq: number, t: Team): DomainEvent => ({ seq, at, actor, type: 'team.updated', payload: { team: t } });
export const teamCreated = (seq: number, t: Team): DomainEvent => ({ seq, at, actor, type: 'team.created', payload: { team: t } });
export const teamDeleted = (seq: number, teamId: string): DomainEvent => ({ seq, at, actor, type: 'team.deleted', payload: { teamId } });
