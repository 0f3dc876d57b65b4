import type { Contact } from '@shared/schemas/contact';
import { TASK_ROLES, type TaskOwner } from '@shared/schemas/response-plan';
import type { Team } from '@shared/schemas/team';
import { TOWNSHIP_NAMES } from '@shared/townships';

/** What a plan task's owner may be chosen from: the board's teams and the warnings' contact registry. */
export interface OwnerRegistry {
  teams: readonly Pick<Team, 'id' | 'name'>[];
  contacts: readonly Pick<Contact, 'id' | 'name' | 'township' | 'duty' | 'unit'>[];
}

/** One choice of the owner select: the reference stored in the plan and the words people read. */
export interface OwnerOption {
  value: string;
  label: string;
  /** The plan names it but it no longer exists (a deleted team or contact): kept, so saving does not silently change the owner. */
  missing: boolean;
}

type Translate = (key: string, params?: Record<string, unknown>) => string;

const zh = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

function existing(kind: TaskOwner['kind'], registry: OwnerRegistry, t: Translate): OwnerOption[] {
  const option = (value: string, label: string): OwnerOption => ({ value, label, missing: false });
  switch (kind) {
    case 'role':
      return TASK_ROLES.map((role) => option(role, t(`response.plan.role.${role}`)));
    case 'team':
      return [...registry.teams].sort((a, b) => zh(a.name, b.name)).map((team) => option(team.id, team.name));
    case 'township':
      return TOWNSHIP_NAMES.map((township) => option(township, township));
    case 'contact':
      return [...registry.contacts]
        .sort((a, b) => zh(a.township, b.township) || zh(a.name, b.name))
        .map((c) => option(c.id, t('response.plan.contactOption', { township: c.township, name: c.name, duty: [t(`warnings.contacts.dutyName.${c.duty}`), c.unit].filter(Boolean).join(' · ') })));
  }
}

/**
 * The owner select's choices for one kind, in reading order (roles, teams by name, the county's townships,
 * contacts by township then name). The row's current reference, when it names nothing that exists, comes first
 * and marked, so the editor shows the dangling owner instead of quietly picking another.
 */
export function ownerOptions(kind: TaskOwner['kind'], current: string, registry: OwnerRegistry, t: Translate): OwnerOption[] {
  const options = existing(kind, registry, t);
  const ref = current.trim();
  if (ref === '' || options.some((o) => o.value === ref)) return options;
  return [{ value: ref, label: t('response.plan.ownerMissing', { ref }), missing: true }, ...options];
}

/** Whether the row's owner names something that no longer exists. */
export const ownerMissing = (kind: TaskOwner['kind'], current: string, registry: OwnerRegistry, t: Translate): boolean =>
  ownerOptions(kind, current, registry, t).some((o) => o.missing);

/** The owner a row gets when its kind changes: the duty officer, or the first of the new kind's choices (none: empty). */
export function firstOwnerRef(kind: TaskOwner['kind'], registry: OwnerRegistry, t: Translate): string {
  if (kind === 'role') return 'duty_officer';
  return existing(kind, registry, t)[0]?.value ?? '';
}
