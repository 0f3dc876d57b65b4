import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import { ShelterCreateSchema } from '../../shared/schemas/shelter';
import { TeamCreateSchema } from '../../shared/schemas/team';
import { TOWNSHIP_NAMES } from '../../shared/townships';
import { openStore } from '../db/database';
import { DEMO_SHELTERS } from '../shelters/shelter-sites';
import { DEMO_TEAMS } from '../teams/demo-teams';
import { parseInput } from '../validation';
import { seedDemoPlans } from './demo-seed';
import { commander, openResponseServices } from './test-support';

describe('the demo 防台风 plan', () => {
  it('refers only to what the demo county has, and at Ⅰ级 carries about 60 tasks, 20 dispatches, the shelters and all 18 townships', async () => {
    const s = await openResponseServices(await openStore({ sqliteFile: ':memory:' }), Date.now);
    try {
      for (const { id, ...team } of DEMO_TEAMS) await s.teams.create(parseInput(TeamCreateSchema, team), SYSTEM_ACTOR, id);
      for (const { id, source: _source, ...shelter } of DEMO_SHELTERS) await s.shelters.create(parseInput(ShelterCreateSchema, shelter), SYSTEM_ACTOR, id);
      await seedDemoPlans(s.store.db, { plans: s.plans, contacts: s.contacts });
      await seedDemoPlans(s.store.db, { plans: s.plans, contacts: s.contacts });
      const plans = (await s.plans.list()).filter((p) => p.hazard === 'typhoon');
      expect(plans.map((p) => [p.level, p.version])).toEqual([['IV', 1], ['III', 1], ['II', 1], ['I', 1]]);

      const { response, tasks, problems } = await s.responses.start({ actionId: randomUUID(), hazard: 'typhoon', level: 'I', reason: '超强台风将在象山登陆', exercise: false, confirmDuringReal: false }, commander);
      expect(problems).toEqual([]);
      expect(tasks.length).toBeGreaterThanOrEqual(55);
      const confirmed = await s.responses.confirm(response.id, { actionId: randomUUID(), taskIds: [], all: true }, commander);
      expect(confirmed.tasks.filter((t) => t.actionState === 'failed')).toEqual([]);
      expect(confirmed.tasks.flatMap((t) => t.actionResult?.dispatchIds ?? [])).toHaveLength(20);
      expect(confirmed.tasks.flatMap((t) => t.actionResult?.shelterIds ?? []).length).toBeGreaterThanOrEqual(30);
      const reached = await s.store.db.selectFrom('warning_recipients').select('township').distinct().where('subject_type', '=', 'task').execute();
      expect(reached.map((r) => r.township).sort()).toEqual([...TOWNSHIP_NAMES].sort());
    } finally {
      await s.close();
    }
  });
});
