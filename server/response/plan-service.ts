import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../shared/schemas/event';
import { PlanParamsSchema, RESPONSE_HAZARDS, RESPONSE_LEVELS, type Plan, type PlanProblem, type PlanSaveSchema } from '../../shared/schemas/response-plan';
import type { Database } from '../db/schema';
import { conflict } from '../errors';
import type { Transactor } from '../events/transactor';
import { parseInput } from '../validation';
import { loadRegistry, planProblems } from './references';
import { currentPlan, toPlan } from './response-store';

/**
 * Plans as versioned documents: every save is a new version (who, when, what changed in their words); an
 * activation records the version it used. A save from a stale version is refused, so two admins editing at
 * once do not overwrite each other. References that do not resolve are reported, never refused.
 */
export class PlanService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The current version of every hazard and level (version 0: never written). */
  async list(): Promise<Plan[]> {
    const plans: Plan[] = [];
    for (const hazard of RESPONSE_HAZARDS) for (const level of RESPONSE_LEVELS) plans.push(await currentPlan(this.db, hazard, level));
    return plans;
  }

  async versions(hazardParam: string, levelParam: string): Promise<Plan[]> {
    const { hazard, level } = parseInput(PlanParamsSchema, { hazard: hazardParam, level: levelParam });
    const rows = await this.db.selectFrom('response_plans').selectAll().where('hazard', '=', hazard).where('level', '=', level).orderBy('version', 'desc').execute();
    return rows.map(toPlan);
  }

  async save(hazardParam: string, levelParam: string, data: z.output<typeof PlanSaveSchema>, actor: Actor): Promise<{ plan: Plan; problems: PlanProblem[] }> {
    const { hazard, level } = parseInput(PlanParamsSchema, { hazard: hazardParam, level: levelParam });
    return this.transactor.run(async (tx, record) => {
      // Two saves of one plan queue up (PostgreSQL) instead of racing for the same version number.
      await tx.updateTable('event_counter').set({ last_seq: sql`last_seq` }).where('id', '=', 1).execute();
      const current = await currentPlan(tx, hazard, level);
      if (current.version !== data.baseVersion) throw conflict(`The plan was changed meanwhile (now version ${current.version}); reload it and edit again.`, { version: current.version });
      const plan: Plan = { hazard, level, version: current.version + 1, tasks: data.tasks, note: data.note, savedBy: { id: actor.id, name: actor.name }, savedAt: new Date(this.clock()).toISOString() };
      await tx
        .insertInto('response_plans')
        .values({ hazard, level, version: plan.version, tasks: JSON.stringify(plan.tasks), note: plan.note, saved_by_id: actor.id, saved_by_name: actor.name, saved_at: plan.savedAt! })
        .execute();
      const problems = planProblems(plan.tasks, await loadRegistry(tx));
      await record({ type: 'response.plan_saved', actor, payload: { plan, problems } });
      return { plan, problems };
    });
  }
}
