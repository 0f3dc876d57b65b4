import type { ResponseTask } from '@shared/schemas/response';
import type { Recipient } from '@shared/schemas/warning';

export type TaskHistoryKind = 'created' | 'sent' | 'opened' | 'answered' | 'phoneAnswered' | 'escalated' | 'done';

export interface TaskHistoryEntry {
  at: string;
  kind: TaskHistoryKind;
  /** Who: the person a link went to, who answered, the backup escalated to, who marked it done. */
  who: string;
  /** The note of an answer, the silent A角 of an escalation, the phone number a link went to. */
  detail: string;
}

/** How one recipient answered, as the desk shows it: by link or by phone (taken by whom), when, the note. */
export interface TaskAnswer {
  name: string;
  township: string;
  role: Recipient['role'];
  phone: string;
  via: 'link' | 'phone' | null;
  /** The duty officer who took a phone answer. */
  takenBy: string | null;
  at: string | null;
  note: string;
  state: Recipient['state'];
}

export function taskAnswers(recipients: Recipient[]): TaskAnswer[] {
  return recipients.map((r) => ({
    name: r.name,
    township: r.township,
    role: r.role,
    phone: r.phones[0] ?? '',
    via: r.state !== 'done' && r.state !== 'received' ? null : r.phoneAnswer ? 'phone' : 'link',
    takenBy: r.phoneAnswer?.by ?? null,
    at: r.doneAt ?? r.receivedAt,
    note: r.doneNote ?? r.phoneAnswer?.note ?? '',
    state: r.state,
  }));
}

/** The task's history, oldest first: created, links sent and opened, escalations to B角, answers, done. */
export function taskHistory(task: ResponseTask, recipients: Recipient[]): TaskHistoryEntry[] {
  const entries: TaskHistoryEntry[] = [{ at: task.createdAt, kind: 'created', who: task.ownerName, detail: '' }];
  for (const e of task.escalations) entries.push({ at: e.at, kind: 'escalated', who: e.name, detail: e.forName });
  for (const r of recipients) {
    const phone = r.phones[0] ?? '';
    if (r.sentAt) entries.push({ at: r.sentAt, kind: 'sent', who: r.name, detail: phone });
    if (r.openedAt) entries.push({ at: r.openedAt, kind: 'opened', who: r.name, detail: '' });
    if (r.doneAt) entries.push({ at: r.doneAt, kind: r.phoneAnswer ? 'phoneAnswered' : 'answered', who: r.name, detail: r.doneNote ?? '' });
  }
  if (task.doneAt) entries.push({ at: task.doneAt, kind: 'done', who: task.doneBy ?? '', detail: task.note ?? '' });
  const order: TaskHistoryKind[] = ['created', 'sent', 'opened', 'escalated', 'answered', 'phoneAnswered', 'done'];
  return entries.sort((a, b) => a.at.localeCompare(b.at) || order.indexOf(a.kind) - order.indexOf(b.kind));
}
