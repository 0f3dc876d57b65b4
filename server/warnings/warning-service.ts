import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../shared/schemas/event';
import { WarningDraftEditSchema, WarningDraftSchema, type Warning, type WarningTexts } from '../../shared/schemas/warning';
import type { Database } from '../db/schema';
import { DomainError, conflict, notFound } from '../errors';
import type { RecordEvent, Transactor } from '../events/transactor';
import { capIdentifier } from './cap/cap-identifier';
import { buildCapXml, type CapPublisher } from './cap/cap-writer';
import { warningTemplate } from './templates';
import { chainBefore, listWarnings, loadWarningRow, toWarning, toWarningRow } from './warning-store';

export interface WarningPublisher extends CapPublisher {
  /** The 14-digit sender code that starts every identifier (see cap-identifier.ts). */
  senderCode: string;
}

/** Runs inside the issuing transaction: queues the personal links and channel messages of a published warning. */
export type OnPublished = (tx: Transaction<Database>, record: RecordEvent, warning: Warning, actor: Actor) => Promise<void>;

const MAX_VALIDITY_MS = 7 * 24 * 3_600_000;

/**
 * The county's own warnings: drafted by the duty desk, approved and issued by the commander (签发; both
 * recorded), updated by a new draft that replaces an issued one, cancelled by a Cancel message. Each issued
 * message is written as CAP 1.2 once, in the issuing transaction, and kept as published.
 */
export class WarningService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly publisher: WarningPublisher,
    private readonly onPublished: OnPublished,
    private readonly clock: () => number = Date.now,
  ) {}

  list(status?: Warning['status']): Promise<Warning[]> {
    return listWarnings(this.db, status);
  }

  async get(id: string): Promise<Warning> {
    return toWarning(await loadWarningRow(this.db, id));
  }

  template(hazard: Warning['hazard'], colour: Warning['colour'], townships: string[]): WarningTexts {
    return warningTemplate(hazard, colour, townships);
  }

  async draft(data: z.output<typeof WarningDraftSchema>, actor: Actor): Promise<Warning> {
    return this.transactor.run((tx, record) => this.draftWithin(tx, record, data, actor));
  }

  /**
   * A draft inside a caller's transaction (a response plan's action): never issued here, the commander signs it
   * off. `drillContactIds` keeps a drill's warning during a real response to the contacts chosen for the drill.
   */
  async draftWithin(tx: Transaction<Database>, record: RecordEvent, data: z.output<typeof WarningDraftSchema>, actor: Actor, drillContactIds: string[] | null = null): Promise<Warning> {
    const now = this.now();
    let reach = data.exercise && drillContactIds ? JSON.stringify(drillContactIds) : null;
    if (data.replacesId) {
      const row = await loadWarningRow(tx, data.replacesId);
      const original = toWarning(row);
      if (original.status !== 'issued' || original.msgType === 'Cancel') throw conflict('Only an issued warning can be updated.');
      reach ??= row.drill_contact_ids ?? null;
    }
    const warning: Warning = {
      id: `warning-${randomUUID()}`,
      identifier: null,
      msgType: data.replacesId ? 'Update' : 'Alert',
      replacesId: data.replacesId ?? null,
      hazard: data.hazard,
      colour: data.colour,
      townships: unique(data.townships),
      texts: data.texts ?? warningTemplate(data.hazard, data.colour, data.townships),
      effective: data.effective ?? now,
      expires: data.expires,
      status: 'draft',
      exercise: data.exercise,
      draftedBy: { id: actor.id, name: actor.name },
      draftedAt: now,
      approvedBy: null,
      issuedAt: null,
      replacedById: null,
      updatedAt: now,
    };
    this.checkTimes(warning);
    await tx.insertInto('warnings').values({ ...toWarningRow(warning, null), drill_contact_ids: reach }).execute();
    await record({ type: 'warning.drafted', actor, payload: { warning } });
    return warning;
  }

  async editDraft(id: string, patch: z.output<typeof WarningDraftEditSchema>, actor: Actor): Promise<Warning> {
    return this.transactor.run(async (tx, record) => {
      const current = toWarning(await loadWarningRow(tx, id));
      if (current.status !== 'draft') throw conflict('Only a draft can be edited; update or cancel an issued warning instead.');
      const warning: Warning = { ...current, ...definedOf(patch), townships: unique(patch.townships ?? current.townships), updatedAt: this.now() };
      this.checkTimes(warning);
      await tx.updateTable('warnings').set(toWarningRow(warning, null)).where('id', '=', id).execute();
      await record({ type: 'warning.draft_edited', actor, payload: { warning } });
      return warning;
    });
  }

  /** 签发: the commander approves a draft; it is published, and an Update replaces the warning it updates. */
  async issue(id: string, actor: Actor): Promise<Warning> {
    return this.transactor.run(async (tx, record) => {
      const draft = toWarning(await loadWarningRow(tx, id));
      if (draft.status !== 'draft') throw conflict('This warning has already been issued.');
      if (Date.parse(draft.expires) <= this.clock()) throw new DomainError('VALIDATION_FAILED', 'The warning has already expired; change its expiry first.');
      if (draft.replacesId) {
        const original = await loadWarningRow(tx, draft.replacesId);
        if (original.status !== 'issued') throw conflict('The warning this draft updates has been updated or cancelled since.');
      }
      return this.publish(tx, record, { ...draft, approvedBy: { id: actor.id, name: actor.name } }, actor, null);
    });
  }

  /** Publishes a Cancel for an issued warning; answers the Cancel message. */
  async cancel(id: string, reason: string, actor: Actor): Promise<Warning> {
    return this.transactor.run(async (tx, record) => {
      const original = toWarning(await loadWarningRow(tx, id));
      if (original.status !== 'issued' || original.msgType === 'Cancel') throw conflict('Only an issued warning can be cancelled.');
      const now = this.now();
      const zh = original.texts['zh-CN'];
      const cancelled: Warning = {
        ...original,
        id: `warning-${randomUUID()}`,
        identifier: null,
        msgType: 'Cancel',
        replacesId: original.id,
        texts: {
          'zh-CN': { headline: `解除：${zh.headline}`, description: `${zh.headline}解除。${reason}`, instruction: '' },
          ...(original.texts.en ? { en: { headline: `Cancelled: ${original.texts.en.headline}`, description: reason, instruction: '' } } : {}),
        },
        status: 'draft',
        draftedBy: { id: actor.id, name: actor.name },
        draftedAt: now,
        approvedBy: { id: actor.id, name: actor.name },
        updatedAt: now,
      };
      await tx.insertInto('warnings').values(toWarningRow(cancelled, null)).execute();
      return this.publish(tx, record, cancelled, actor, reason);
    });
  }

  /** The CAP XML as published. */
  async capXml(id: string): Promise<{ warning: Warning; xml: string }> {
    const row = await loadWarningRow(this.db, id);
    if (!row.cap_xml) throw notFound('Published CAP alert');
    return { warning: toWarning(row), xml: row.cap_xml };
  }

  async byIdentifier(identifier: string): Promise<{ warning: Warning; xml: string } | null> {
    const row = await this.db.selectFrom('warnings').selectAll().where('identifier', '=', identifier).executeTakeFirst();
    return row?.cap_xml ? { warning: toWarning(row), xml: row.cap_xml } : null;
  }

  /** For the public feed: issued messages, newest first, that have not expired (and Cancels of the last day). */
  async current(includeExercises: boolean): Promise<Array<{ warning: Warning; xml: string }>> {
    const now = this.clock();
    const rows = await this.db.selectFrom('warnings').selectAll().where('status', 'in', ['issued', 'cancelled', 'updated']).where('cap_xml', 'is not', null).orderBy('issued_at', 'desc').limit(200).execute();
    return rows
      .map((row) => ({ warning: toWarning(row), xml: row.cap_xml! }))
      .filter(({ warning }) => includeExercises || !warning.exercise)
      .filter(({ warning }) =>
        warning.msgType === 'Cancel' ? Date.parse(warning.issuedAt!) > now - 24 * 3_600_000 : warning.status === 'issued' && Date.parse(warning.expires) > now,
      );
  }

  private async publish(tx: Transaction<Database>, record: RecordEvent, draft: Warning, actor: Actor, note: string | null): Promise<Warning> {
    const at = this.clock();
    const identifier = await this.freeIdentifier(tx, at);
    const warning: Warning = { ...draft, identifier, status: 'issued', issuedAt: new Date(at).toISOString(), updatedAt: new Date(at).toISOString() };
    const chain = await chainBefore(tx, warning.replacesId);
    const xml = buildCapXml(warning, at, chain.map((row) => ({ identifier: row.identifier!, sent: row.issued_at! })), this.publisher, note ?? undefined);
    await tx.updateTable('warnings').set(toWarningRow(warning, xml)).where('id', '=', warning.id).execute();
    await record({ type: 'warning.issued', actor, payload: { warning } });
    const original = chain[chain.length - 1];
    if (original) {
      const replaced: Warning = { ...toWarning(original), status: warning.msgType === 'Cancel' ? 'cancelled' : 'updated', replacedById: warning.id, updatedAt: warning.updatedAt };
      await tx.updateTable('warnings').set({ status: replaced.status, replaced_by_id: warning.id, updated_at: replaced.updatedAt }).where('id', '=', original.id).execute();
      await record({ type: 'warning.replaced', actor, payload: { warning: replaced, replacedBy: warning, reason: note } });
    }
    await this.onPublished(tx, record, warning, actor);
    return warning;
  }

  private async freeIdentifier(tx: Transaction<Database>, at: number): Promise<string> {
    for (let serial = 1; ; serial++) {
      const identifier = capIdentifier(this.publisher.senderCode, at, serial);
      const taken = await tx.selectFrom('warnings').select('id').where('identifier', '=', identifier).executeTakeFirst();
      if (!taken) return identifier;
    }
  }

  private checkTimes(warning: Warning): void {
    const [effective, expires] = [Date.parse(warning.effective), Date.parse(warning.expires)];
    if (expires <= effective) throw new DomainError('VALIDATION_FAILED', 'The warning must expire after it takes effect.', [{ path: 'expires', message: 'must be after effective' }]);
    if (expires - effective > MAX_VALIDITY_MS) throw new DomainError('VALIDATION_FAILED', 'A warning may be valid for at most 7 days; update it instead.', [{ path: 'expires', message: 'at most 7 days after effective' }]);
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}

const unique = (names: readonly string[]): string[] => [...new Set(names)];

function definedOf<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
