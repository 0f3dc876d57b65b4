import type { Contact } from '../../shared/schemas/contact';
import type { PlanProblem } from '../../shared/schemas/response-plan';
import type { Response, ResponseTask, TaskEscalation } from '../../shared/schemas/response';
import { backupsOf } from '../warnings/ack/backups';
import { beijingTime } from '../warnings/ack/subjects';
import type { Registry } from './references';
import { HAZARD_ZH, LEVEL_ZH } from './response-words';
import { DRILL_MARK, iso, type TaskContext } from './task-context';

/** A link stays valid a week: long enough for any response, short enough not to linger. */
const LINK_VALIDITY_MS = 7 * 24 * 3_600_000;

export function taskLinkText(response: Response, task: ResponseTask, link: string | null): string {
  const head = `${response.exercise ? DRILL_MARK : ''}象山县${HAZARD_ZH[response.hazard]}${LEVEL_ZH[task.level]}级应急响应任务：${task.title}，请于${beijingTime(task.dueAt)}前落实。`;
  return head + (link ? `落实后请打开链接点“已落实”：${link}` : '请落实后电话回复县防指值班室。');
}

/** Who a task's links go to: the township's primaries, the contact, or the townships a report is required from; a drill during a real response reaches only its chosen contacts. */
export function linkContacts(response: Response, task: ResponseTask, registry: Registry, forAction: boolean): { contacts: Contact[]; problems: PlanProblem[] } {
  let contacts: Contact[] = [];
  if (forAction && task.action?.kind === 'require_report') contacts = task.action.townships.flatMap((t) => registry.primaries.get(t) ?? []);
  else if (!forAction && task.owner.kind === 'township') contacts = registry.primaries.get(task.owner.township) ?? [];
  else if (!forAction && task.owner.kind === 'contact') contacts = registry.contacts.has(task.owner.contactId) ? [registry.contacts.get(task.owner.contactId)!] : [];
  const scope = response.drillScope;
  if (!scope) return { contacts, problems: [] };
  const inside = contacts.filter((c) => scope.contactIds.includes(c.id));
  const problems = contacts.filter((c) => !scope.contactIds.includes(c.id)).map((c): PlanProblem => ({ taskKey: task.key, kind: 'outside_drill', ref: c.id }));
  return { contacts: inside, problems };
}

/** Queues the personal links of a task for these contacts and logs them; answers how many. */
export async function sendTaskLinks(ctx: TaskContext, task: ResponseTask, contacts: Contact[]): Promise<number> {
  if (contacts.length === 0) return 0;
  const subject = { type: 'task' as const, id: task.id, expiresAt: iso(ctx.now + LINK_VALIDITY_MS), text: (link: string | null) => taskLinkText(ctx.response, task, link) };
  const recipients = await ctx.ports.queueLinks(ctx.tx, subject, contacts, 'primary');
  await ctx.record({ type: 'warning.recipients_queued', actor: ctx.actor, payload: { warningId: task.id, subjectType: 'task', role: 'primary', recipients } });
  return recipients.length;
}

/**
 * B角: the backups of the task's owner contacts who have not answered 已落实, each sent their own link (the
 * warnings' escalation, `backupsOf`, with the task as subject); a drill during a real response reaches only
 * its chosen contacts. Answers the escalations added; a primary already escalated is not escalated again.
 */
export async function escalateTask(ctx: TaskContext, task: ResponseTask): Promise<TaskEscalation[]> {
  const rows = await ctx.tx.selectFrom('warning_recipients').selectAll().where('warning_id', '=', task.id).where('subject_type', '=', 'task').execute();
  const backedUp = new Set(rows.flatMap((r) => (r.backup_for ? [r.backup_for] : [])));
  const silent = rows.filter((r) => r.role === 'primary' && r.state !== 'done' && !backedUp.has(r.id));
  const found = await backupsOf(ctx.tx, silent);
  const scope = ctx.response.drillScope;
  const contacts = found.contacts.filter((c) => !scope || scope.contactIds.includes(c.id));
  if (contacts.length === 0) return [];
  const subject = { type: 'task' as const, id: task.id, expiresAt: iso(ctx.now + LINK_VALIDITY_MS), text: (link: string | null) => taskLinkText(ctx.response, task, link) };
  const recipients = await ctx.ports.queueLinks(ctx.tx, subject, contacts, 'backup', found.backupFor);
  await ctx.record({ type: 'warning.recipients_queued', actor: ctx.actor, payload: { warningId: task.id, subjectType: 'task', role: 'backup', recipients } });
  const names = new Map(silent.map((r) => [r.id, r.name]));
  return contacts.map((c) => ({ contactId: c.id, name: c.name, phones: c.phones, forName: names.get(found.backupFor.get(c.id)!) ?? '', at: iso(ctx.now) }));
}
