import type { EvacuationTarget, EvacuationVillage } from '../../shared/schemas/response';
import type { Db } from '../db/db-handle';
import type { ResponseEvacuationRow, ResponseEvacuationVillageRow } from './schema';
import { iso, type TaskContext } from './task-context';

export const toTarget = (row: ResponseEvacuationRow): EvacuationTarget => ({
  township: row.township,
  people: row.people,
  reportedMoved: row.reported_moved,
  vessels: row.vessels,
  vesselsInPort: row.vessels_in_port,
  deadline: row.deadline,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

export async function listTargets(db: Db, responseId: string): Promise<EvacuationTarget[]> {
  return (await db.selectFrom('response_evacuation').selectAll().where('response_id', '=', responseId).orderBy('township').execute()).map(toTarget);
}

export type TargetPatch = Partial<Pick<EvacuationTarget, 'people' | 'reportedMoved' | 'vessels' | 'vesselsInPort' | 'deadline'>>;

/** Sets part of a township's row (created with zeros when new) and logs the result. */
export async function patchTarget(ctx: Pick<TaskContext, 'tx' | 'record' | 'actor' | 'now' | 'response'>, township: string, patch: TargetPatch): Promise<EvacuationTarget> {
  const { tx } = ctx;
  const row = await tx.selectFrom('response_evacuation').selectAll().where('response_id', '=', ctx.response.id).where('township', '=', township).executeTakeFirst();
  const current: EvacuationTarget = row ? toTarget(row) : { township, people: 0, reportedMoved: 0, vessels: 0, vesselsInPort: 0, deadline: null, updatedAt: iso(ctx.now), updatedBy: ctx.actor.name };
  const target: EvacuationTarget = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), updatedAt: iso(ctx.now), updatedBy: ctx.actor.name };
  const values: ResponseEvacuationRow = {
    response_id: ctx.response.id,
    township,
    people: target.people,
    reported_moved: target.reportedMoved,
    vessels: target.vessels,
    vessels_in_port: target.vesselsInPort,
    deadline: target.deadline,
    updated_at: target.updatedAt,
    updated_by: target.updatedBy,
  };
  if (row) await tx.updateTable('response_evacuation').set(values).where('response_id', '=', ctx.response.id).where('township', '=', township).execute();
  else await tx.insertInto('response_evacuation').values(values).execute();
  await ctx.record({ type: 'response.evacuation_set', actor: ctx.actor, payload: { responseId: ctx.response.id, target } });
  return target;
}

/** The plan's targets: people and vessels per township, due by the task's deadline. */
export async function setEvacuationTargets(ctx: TaskContext, targets: Array<{ township: string; people?: number | undefined; vessels?: number | undefined }>, deadline: string): Promise<void> {
  for (const t of targets) await patchTarget(ctx, t.township, { people: t.people, vessels: t.vessels, deadline });
}

export const toVillage = (row: ResponseEvacuationVillageRow): EvacuationVillage => ({
  township: row.township,
  village: row.village,
  people: row.people,
  reportedMoved: row.reported_moved,
  deadline: row.deadline,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

export async function listVillages(db: Db, responseId: string): Promise<EvacuationVillage[]> {
  return (await db.selectFrom('response_evacuation_villages').selectAll().where('response_id', '=', responseId).orderBy('township').orderBy('village').execute()).map(toVillage);
}

export type VillagePatch = Partial<Pick<EvacuationVillage, 'people' | 'reportedMoved' | 'deadline'>>;

/** Sets part of a village's row (created with zeros when new) and logs the result. */
export async function patchVillage(ctx: Pick<TaskContext, 'tx' | 'record' | 'actor' | 'now' | 'response'>, township: string, village: string, patch: VillagePatch): Promise<EvacuationVillage> {
  const { tx } = ctx;
  const row = await tx.selectFrom('response_evacuation_villages').selectAll().where('response_id', '=', ctx.response.id).where('township', '=', township).where('village', '=', village).executeTakeFirst();
  const current: EvacuationVillage = row ? toVillage(row) : { township, village, people: 0, reportedMoved: 0, deadline: null, updatedAt: iso(ctx.now), updatedBy: ctx.actor.name };
  const next: EvacuationVillage = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), updatedAt: iso(ctx.now), updatedBy: ctx.actor.name };
  const values: ResponseEvacuationVillageRow = { response_id: ctx.response.id, township, village, people: next.people, reported_moved: next.reportedMoved, deadline: next.deadline, updated_at: next.updatedAt, updated_by: next.updatedBy };
  if (row) await tx.updateTable('response_evacuation_villages').set(values).where('response_id', '=', ctx.response.id).where('township', '=', township).where('village', '=', village).execute();
  else await tx.insertInto('response_evacuation_villages').values(values).execute();
  await ctx.record({ type: 'response.evacuation_village_set', actor: ctx.actor, payload: { responseId: ctx.response.id, village: next } });
  return next;
}
