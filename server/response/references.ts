import type { Contact } from '../../shared/schemas/contact';
import type { PlanAction, PlanProblem, PlanTask, TaskOwner } from '../../shared/schemas/response-plan';
import { listContacts } from '../contacts/contact-store';
import type { Db } from '../db/db-handle';

/** What a plan may refer to, read once per save or activation. */
export interface Registry {
  teams: Map<string, string>;
  contacts: Map<string, Contact>;
  /** Per township: its primary contacts (nobody's backup), who get the township's task links. */
  primaries: Map<string, Contact[]>;
  /** Per township: its shelters' ids. */
  shelters: Map<string, string[]>;
}

export async function loadRegistry(db: Db): Promise<Registry> {
  const teams = await db.selectFrom('teams').select(['id', 'name']).execute();
  const all = await listContacts(db);
  const backups = new Set(all.flatMap((c) => (c.backupId ? [c.backupId] : [])));
  const byTownship = new Map<string, Contact[]>();
  for (const c of all) if (!backups.has(c.id)) byTownship.set(c.township, [...(byTownship.get(c.township) ?? []), c]);
  const shelterRows = await db.selectFrom('shelters').select(['id', 'township']).orderBy('id').execute();
  const shelters = new Map<string, string[]>();
  for (const s of shelterRows) shelters.set(s.township, [...(shelters.get(s.township) ?? []), s.id]);
  return { teams: new Map(teams.map((t) => [t.id, t.name])), contacts: new Map(all.map((c) => [c.id, c])), primaries: byTownship, shelters };
}

const ROLE_NAMES = { commander: '指挥长', duty_officer: '值班员' } as const;

/** The owner as people read it. */
export function ownerName(owner: TaskOwner, registry: Registry): string {
  switch (owner.kind) {
    case 'role':
      return ROLE_NAMES[owner.role];
    case 'team':
      return registry.teams.get(owner.teamId) ?? owner.teamId;
    case 'township':
      return owner.township;
    case 'contact': {
      const contact = registry.contacts.get(owner.contactId);
      return contact ? `${contact.township} ${contact.name}` : owner.contactId;
    }
  }
}

function ownerProblems(key: string, owner: TaskOwner, registry: Registry): PlanProblem[] {
  if (owner.kind === 'team' && !registry.teams.has(owner.teamId)) return [{ taskKey: key, kind: 'missing_team', ref: owner.teamId }];
  if (owner.kind === 'contact' && !registry.contacts.has(owner.contactId)) return [{ taskKey: key, kind: 'missing_contact', ref: owner.contactId }];
  if (owner.kind === 'township' && !registry.primaries.get(owner.township)?.length) return [{ taskKey: key, kind: 'no_contact', ref: owner.township }];
  return [];
}

export function actionProblems(key: string, action: PlanAction | null, registry: Registry): PlanProblem[] {
  if (!action) return [];
  if (action.kind === 'dispatch') return action.teamIds.filter((id) => !registry.teams.has(id)).map((ref) => ({ taskKey: key, kind: 'missing_team', ref }));
  if (action.kind === 'open_shelters') return action.townships.filter((t) => !registry.shelters.get(t)?.length).map((ref) => ({ taskKey: key, kind: 'missing_shelter', ref }));
  if (action.kind === 'require_report') return action.townships.filter((t) => !registry.primaries.get(t)?.length).map((ref) => ({ taskKey: key, kind: 'no_contact', ref }));
  return [];
}

/** Every reference of a task that does not resolve: a deleted team, contact, a township without shelters or contacts. */
export const taskProblems = (task: Pick<PlanTask, 'key' | 'owner' | 'action'>, registry: Registry): PlanProblem[] => [...ownerProblems(task.key, task.owner, registry), ...actionProblems(task.key, task.action, registry)];

export const planProblems = (tasks: PlanTask[], registry: Registry): PlanProblem[] => tasks.flatMap((t) => taskProblems(t, registry));
