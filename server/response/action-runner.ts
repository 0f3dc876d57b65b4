import type { PlanAction, PlanProblem } from '../../shared/schemas/response-plan';
import type { ActionResult, ResponseTask } from '../../shared/schemas/response';
import { setEvacuationTargets } from './evacuation-store';
import { actionProblems } from './references';
import { updateTask } from './response-store';
import { completeTask } from './task-completion';
import { DRILL_MARK, iso, type TaskContext } from './task-context';
import { linkContacts, sendTaskLinks } from './task-links';

type Outcome = Pick<ActionResult, 'dispatchIds' | 'shelterIds' | 'warningId' | 'links'> & { problems: PlanProblem[]; ran: boolean };

const nothing = (): Outcome => ({ dispatchIds: [], shelterIds: [], warningId: null, links: 0, problems: [], ran: false });

/** The implied action of a team's task without one: pre-position the team at its base. */
export async function effectiveAction(ctx: TaskContext, task: ResponseTask): Promise<PlanAction | null> {
  if (task.action || task.owner.kind !== 'team') return task.action;
  const team = await ctx.tx.selectFrom('teams').select(['base_name', 'base_lat', 'base_lon']).where('id', '=', task.owner.teamId).executeTakeFirst();
  if (!team) return null;
  return { kind: 'dispatch', teamIds: [task.owner.teamId], taskType: 'pre_position', priority: 'urgent', destination: { lat: team.base_lat, lon: team.base_lon, label: team.base_name }, instructions: '' };
}

async function perform(ctx: TaskContext, task: ResponseTask, action: PlanAction): Promise<Outcome> {
  const out = nothing();
  const registry = await ctx.registry();
  const drill = ctx.response.exercise;
  out.problems = actionProblems(task.key, action, registry);
  switch (action.kind) {
    case 'dispatch': {
      const scope = ctx.response.drillScope;
      const known = action.teamIds.filter((id) => registry.teams.has(id));
      const teams = scope ? known.filter((id) => scope.teamIds.includes(id)) : known;
      out.problems.push(...known.filter((id) => !teams.includes(id)).map((ref): PlanProblem => ({ taskKey: task.key, kind: 'outside_drill', ref })));
      if (teams.length === 0) return out;
      const instructions = [drill ? DRILL_MARK : '', task.title, action.instructions ? `：${action.instructions}` : ''].join('');
      const dispatchId = await ctx.ports.createDispatch(ctx.tx, ctx.record, { teamIds: teams, taskType: action.taskType, priority: action.priority, destination: { ...action.destination, township: null }, instructions, incidentId: null, exercise: drill }, ctx.actor);
      return { ...out, dispatchIds: [dispatchId], ran: true };
    }
    case 'open_shelters': {
      const ids = action.townships.flatMap((t) => registry.shelters.get(t) ?? []);
      // A drill opens the closed ones as the drill's (marked, counted in no real figure); open ones stay as they are.
      for (const id of ids) await ctx.ports.openShelter(ctx.tx, ctx.record, id, ctx.actor, drill);
      return { ...out, shelterIds: ids, ran: ids.length > 0 };
    }
    case 'evacuation_targets':
      await setEvacuationTargets(ctx, action.targets, task.dueAt);
      return { ...out, ran: true };
    case 'draft_warning': {
      const expires = iso(ctx.now + action.hours * 3_600_000);
      const warningId = await ctx.ports.draftWarning(ctx.tx, ctx.record, { hazard: action.hazard, colour: action.colour, townships: action.townships, expires, exercise: drill }, ctx.actor, ctx.response.drillScope?.contactIds ?? null);
      return { ...out, warningId, ran: true };
    }
    case 'wall_layout':
      // The wall is the real response's while one runs: a drill beside it leaves the layout alone.
      if (ctx.response.drillScope) return { ...out, problems: [...out.problems, { taskKey: task.key, kind: 'outside_drill', ref: 'wall' }] };
      await ctx.ports.setWallLayout(ctx.tx, ctx.record, action.layout, ctx.actor);
      return { ...out, ran: true };
    case 'require_report': {
      const { contacts, problems } = linkContacts(ctx.response, task, registry, true);
      out.problems.push(...problems);
      const links = await sendTaskLinks(ctx, task, contacts);
      return { ...out, links, ran: links > 0 };
    }
  }
}

/** Whether carrying out the action is the whole task: for a desk role, everything but a dispatch or a report to wait for. */
const actionCompletes = (task: ResponseTask, action: PlanAction) => task.owner.kind === 'role' && action.kind !== 'dispatch' && action.kind !== 'require_report';

/**
 * Carries out a task's prepared action inside the caller's transaction. References that no longer resolve are
 * skipped and reported on the task; the rest runs. Answers the task as stored.
 */
export async function runAction(ctx: TaskContext, task: ResponseTask): Promise<ResponseTask> {
  const action = await effectiveAction(ctx, task);
  const outcome = action ? await perform(ctx, task, action) : { ...nothing(), problems: task.problems };
  const { ran, ...result } = outcome;
  const next: ResponseTask = {
    ...task,
    action,
    actionState: ran ? 'done' : 'failed',
    actionResult: { ...result, confirmedBy: { id: ctx.actor.id, name: ctx.actor.name }, at: iso(ctx.now) },
  };
  await updateTask(ctx.tx, next);
  if (ran && action && actionCompletes(task, action)) return completeTask(ctx, next, null, ctx.actor.name, 'done');
  return next;
}
