import type { PlanTask, TaskOwner } from '@shared/schemas/response-plan';

/** One editable row of the plan editor: the owner as a kind and the reference picked for it (`ownerPicker`). */
export interface DraftTask {
  key: string;
  title: string;
  ownerKind: TaskOwner['kind'];
  ownerRef: string;
  dueMinutes: number;
  repeatMinutes: number | null;
  automatic: boolean;
  action: PlanTask['action'];
}

export function ownerRefOf(owner: TaskOwner): string {
  switch (owner.kind) {
    case 'role':
      return owner.role;
    case 'team':
      return owner.teamId;
    case 'township':
      return owner.township;
    case 'contact':
      return owner.contactId;
  }
}

export const toDraft = (task: PlanTask): DraftTask => ({
  key: task.key,
  title: task.title,
  ownerKind: task.owner.kind,
  ownerRef: ownerRefOf(task.owner),
  dueMinutes: task.dueMinutes,
  repeatMinutes: task.repeatMinutes,
  automatic: task.automatic,
  action: task.action,
});

function ownerOf(d: DraftTask): TaskOwner {
  const ref = d.ownerRef.trim();
  switch (d.ownerKind) {
    case 'role':
      return { kind: 'role', role: ref === 'commander' ? 'commander' : 'duty_officer' };
    case 'team':
      return { kind: 'team', teamId: ref };
    case 'township':
      return { kind: 'township', township: ref };
    case 'contact':
      return { kind: 'contact', contactId: ref };
  }
}

/** The rows as the plan's tasks (the server validates them: a bad township or an empty title is refused with its path). */
export const fromDraft = (rows: DraftTask[]): PlanTask[] =>
  rows.map((d) => ({ key: d.key.trim(), title: d.title.trim(), owner: ownerOf(d), dueMinutes: d.dueMinutes, repeatMinutes: d.repeatMinutes || null, action: d.action, automatic: d.automatic }));

/** A fresh row with a key not used yet. */
export function newDraft(rows: DraftTask[]): DraftTask {
  let n = rows.length + 1;
  while (rows.some((r) => r.key === `t${n}`)) n++;
  return { key: `t${n}`, title: '', ownerKind: 'role', ownerRef: 'duty_officer', dueMinutes: 60, repeatMinutes: null, automatic: false, action: null };
}
