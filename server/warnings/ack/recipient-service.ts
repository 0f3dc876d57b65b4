import type { Kysely } from 'kysely';
import type { Actor } from '../../../shared/schemas/event';
import type { Recipient, TownshipCoverage } from '../../../shared/schemas/warning';
import type { Database } from '../../db/schema';
import { DomainError, notFound } from '../../errors';
import type { RecordEvent, Transactor } from '../../events/transactor';
import type { RecipientRow } from '../schema';
import { loadWarningRow, toWarning } from '../warning-store';
import { hashLinkToken, LINK_TOKEN_PATTERN } from './link-tokens';
import { coverageOf, laterState, loadRecipient, recipientsOf, toRecipient } from './recipient-store';
import { warningSubject, type AckSubject, type SubjectPage, type SubjectType, type SubjectView } from './subjects';

/** What the phone page shows: one subject (a warning or a plan task) and this person's own progress, nothing else. */
export interface AnswerPage {
  state: 'open' | 'expired' | 'replaced';
  subject: SubjectView;
  recipient: Pick<Recipient, 'name' | 'township' | 'state' | 'receivedAt' | 'doneAt' | 'doneNote'>;
}

export interface DonePhoto {
  file: string;
}

/**
 * 叫应: the recipients of a warning and their answers, from their personal links (opened, 收到, 已落实) or
 * taken by phone by the duty officer (电话叫应, marked as such). Every change is in the event log.
 */
export class RecipientService {
  private readonly subjects = new Map<SubjectType, AckSubject>([['warning', warningSubject]]);

  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Another domain's subject (a plan task) answered through the same links. */
  registerSubject(type: SubjectType, subject: AckSubject): void {
    this.subjects.set(type, subject);
  }

  async list(warningId: string): Promise<Recipient[]> {
    await loadWarningRow(this.db, warningId);
    return (await recipientsOf(this.db, warningId)).map(toRecipient);
  }

  /** The recipients of another subject's links (a task's), without checking the subject exists. */
  async listFor(subjectType: SubjectType, subjectId: string): Promise<Recipient[]> {
    return (await recipientsOf(this.db, subjectId, subjectType)).map(toRecipient);
  }

  /** Per township: how many were asked, how many answered 收到 (or 已落实), how many reported 已落实. */
  async coverage(warningId: string): Promise<TownshipCoverage[]> {
    const warning = toWarning(await loadWarningRow(this.db, warningId));
    return (await coverageOf(this.db, warning)).townships;
  }

  /** The page behind a personal link; opening it is recorded once. An unknown token is NOT_FOUND, revealing nothing. */
  async open(token: string): Promise<AnswerPage> {
    return this.transactor.run(async (tx, record) => {
      const { row, subject } = await this.byToken(tx, token);
      const state = this.pageState(row, subject);
      if (state === 'open' && (row.state === 'queued' || row.state === 'sent')) {
        const now = this.now();
        const next = { ...row, state: 'opened', opened_at: now };
        await tx.updateTable('warning_recipients').set({ state: 'opened', opened_at: now }).where('id', '=', row.id).execute();
        await record({ type: 'warning.recipient_changed', actor: this.actorOf(row), payload: { recipient: toRecipient(next), cause: 'opened' } });
        return this.page(next, subject, state);
      }
      return this.page(row, subject, state);
    });
  }

  /** 收到 or 已落实 from the phone page. Refused after expiry; answering again keeps the first time. */
  async answer(token: string, answer: 'received' | 'done', note: string, photo: DonePhoto | null): Promise<AnswerPage> {
    return this.transactor.run(async (tx, record) => {
      const { row, subject } = await this.byToken(tx, token);
      const state = this.pageState(row, subject);
      if (state === 'expired') throw new DomainError('CONFLICT', '此链接已过期，无需再回复。');
      const next = await this.applyAnswer(tx, record, row, answer, note, photo, this.actorOf(row), answer);
      return this.page(next, subject, state);
    });
  }

  /** 电话叫应: the duty officer records an answer taken by phone. */
  async phoneAnswer(warningId: string, recipientId: string, answer: 'received' | 'done', note: string, actor: Actor): Promise<Recipient> {
    return this.transactor.run(async (tx, record) => {
      const row = await loadRecipient(tx, recipientId);
      if (row.warning_id !== warningId) throw notFound('Recipient');
      const withPhone = { ...row, phone_answer: JSON.stringify({ by: actor.name, at: this.now(), note }) };
      await tx.updateTable('warning_recipients').set({ phone_answer: withPhone.phone_answer }).where('id', '=', row.id).execute();
      return toRecipient(await this.applyAnswer(tx, record, withPhone, answer, note, null, actor, 'phone_answer'));
    });
  }

  private async applyAnswer(tx: Parameters<Parameters<Transactor['run']>[0]>[0], record: RecordEvent, row: RecipientRow, answer: 'received' | 'done', note: string, photo: DonePhoto | null, actor: Actor, cause: 'received' | 'done' | 'phone_answer'): Promise<RecipientRow> {
    const now = this.now();
    const next: RecipientRow = {
      ...row,
      state: laterState(row.state, answer),
      received_at: row.received_at ?? now,
      done_at: answer === 'done' ? (row.done_at ?? now) : row.done_at,
      done_note: answer === 'done' && note ? note : row.done_note,
      photo_file: photo?.file ?? row.photo_file,
    };
    await tx.updateTable('warning_recipients').set({ state: next.state, received_at: next.received_at, done_at: next.done_at, done_note: next.done_note, photo_file: next.photo_file }).where('id', '=', row.id).execute();
    await record({ type: 'warning.recipient_changed', actor, payload: { recipient: toRecipient(next), cause } });
    await this.subjectOf(row).answered?.(tx, record, next, actor);
    return next;
  }

  private subjectOf(row: RecipientRow): AckSubject {
    const subject = this.subjects.get(row.subject_type as SubjectType);
    if (!subject) throw notFound('Link');
    return subject;
  }

  private async byToken(tx: Parameters<Parameters<Transactor['run']>[0]>[0], token: string): Promise<{ row: RecipientRow; subject: SubjectPage }> {
    if (!LINK_TOKEN_PATTERN.test(token)) throw notFound('Link');
    const row = await tx.selectFrom('warning_recipients').selectAll().where('token_hash', '=', hashLinkToken(token)).executeTakeFirst();
    if (!row) throw notFound('Link');
    return { row, subject: await this.subjectOf(row).page(tx, row.warning_id) };
  }

  private pageState(row: RecipientRow, subject: SubjectPage): AnswerPage['state'] {
    if (Date.parse(row.expires_at) <= this.clock()) return 'expired';
    return subject.state;
  }

  private page(row: RecipientRow, subject: SubjectPage, state: AnswerPage['state']): AnswerPage {
    return { state, subject: subject.view, recipient: { name: row.name, township: row.township, state: row.state as Recipient['state'], receivedAt: row.received_at, doneAt: row.done_at, doneNote: row.done_note } };
  }

  /** The person answering through their link: not a signed-in user, so named as the contact. */
  private actorOf(row: RecipientRow): Actor {
    return { type: 'user', id: `contact:${row.contact_id}`, name: row.name };
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}
