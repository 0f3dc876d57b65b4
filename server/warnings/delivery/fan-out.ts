import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Contact } from '../../../shared/schemas/contact';
import type { Actor } from '../../../shared/schemas/event';
import type { Recipient, Warning } from '../../../shared/schemas/warning';
import type { Database } from '../../db/schema';
import type { RecordEvent } from '../../events/transactor';
import { contactsIn } from '../../contacts/contact-store';
import { newLinkToken, personalLink } from '../ack/link-tokens';
import { recordCoverage, toRecipient } from '../ack/recipient-store';
import type { SubjectType } from '../ack/subjects';
import type { DeliveryRow, RecipientRow } from '../schema';
import { groupText, personalText, webhookBody } from './messages';
import type { DeliveryChannel } from './notifier';

export interface FanOutOptions {
  /** Channels with a gateway configured (the outbox always is). */
  channels: ReadonlySet<DeliveryChannel>;
  /** Where personal links point; null: none are sent and each recipient shows why. */
  publicBaseUrl: string | null;
  clock: () => number;
}

const INSERT_CHUNK = 200;

/** What a personal link is for: its subject, how long it stays valid, the message carrying it. */
export interface LinkSubject {
  type: SubjectType;
  id: string;
  expiresAt: string;
  /** The SMS / outbox text with the link (or, without one, a call-back request). */
  text(link: string | null): string;
}

const asSubject = (warning: Warning) => ({ type: 'warning' as const, id: warning.id });

/** The contacts a drill warning drafted during a real response may reach (backups included); null: no limit. */
async function drillContactsOf(tx: Transaction<Database>, warning: Warning): Promise<Set<string> | null> {
  if (!warning.exercise) return null;
  const row = await tx.selectFrom('warnings').select('drill_contact_ids').where('id', '=', warning.id).executeTakeFirst();
  return row?.drill_contact_ids ? new Set(JSON.parse(row.drill_contact_ids) as string[]) : null;
}

async function insertChunked<T extends 'warning_recipients' | 'warning_deliveries'>(tx: Transaction<Database>, table: T, rows: Array<T extends 'warning_recipients' ? RecipientRow : DeliveryRow>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await tx.insertInto(table).values(rows.slice(i, i + INSERT_CHUNK) as never).execute();
}

/**
 * Who a published warning goes to, and the messages to carry, written in the issuing transaction: each
 * contact gets a recipient row with a fresh personal link (valid until the warning expires) and one personal
 * message (SMS when the gateway and the contact allow it, else the outbox); the group channels get one
 * message for the whole warning. The dispatcher sends them after the commit.
 */
export class FanOut {
  constructor(private readonly options: FanOutOptions) {}

  async published(tx: Transaction<Database>, record: RecordEvent, warning: Warning, actor: Actor): Promise<void> {
    const { primaries } = await contactsIn(tx, warning.townships);
    const drillReach = await drillContactsOf(tx, warning);
    if (warning.msgType === 'Cancel') {
      const earlier = await tx.selectFrom('warning_recipients').select('contact_id').where('warning_id', '=', warning.replacesId ?? '').execute();
      const told = new Set(earlier.map((r) => r.contact_id));
      await this.groupMessages(tx, warning, primaries.filter((c) => told.has(c.id)));
      return;
    }
    await this.addRecipients(tx, record, warning, primaries, 'primary', actor);
    // A drill during a real response reaches its chosen people only: no group chat, no webhook.
    if (!drillReach) await this.groupMessages(tx, warning, primaries);
  }

  /** New recipients (the primaries at issue, or backups of silent primaries later) with their links and personal messages. */
  async addRecipients(tx: Transaction<Database>, record: RecordEvent, warning: Warning, contacts: Contact[], role: Recipient['role'], actor: Actor, backupFor: ReadonlyMap<string, string> = new Map()): Promise<Recipient[]> {
    const subject: LinkSubject = { type: 'warning', id: warning.id, expiresAt: warning.expires, text: (link) => personalText(warning, link) };
    const drillReach = await drillContactsOf(tx, warning);
    const reached = drillReach ? contacts.filter((c) => drillReach.has(c.id)) : contacts;
    const out = await this.queueLinks(tx, subject, reached, role, backupFor);
    if (out.length > 0) {
      await record({ type: 'warning.recipients_queued', actor, payload: { warningId: warning.id, role, recipients: out } });
      await recordCoverage(tx, record, warning);
    }
    return out;
  }

  /**
   * Personal links for any subject (a warning, a plan task): one recipient row with a fresh token per contact
   * and one personal message (SMS when the gateway and the contact allow it, else the outbox). The caller
   * records its own event.
   */
  async queueLinks(tx: Transaction<Database>, subject: LinkSubject, contacts: Contact[], role: Recipient['role'], backupFor: ReadonlyMap<string, string> = new Map()): Promise<Recipient[]> {
    const now = new Date(this.options.clock()).toISOString();
    const recipients: RecipientRow[] = [];
    const deliveries: DeliveryRow[] = [];
    for (const contact of contacts) {
      const { token, hash } = newLinkToken();
      const link = this.options.publicBaseUrl ? personalLink(this.options.publicBaseUrl, token) : null;
      const failures = link ? [] : [{ channel: 'link', error: 'PUBLIC_BASE_URL is not set: no personal link was sent; call instead.', at: now }];
      const recipient: RecipientRow = {
        id: `recipient-${randomUUID()}`,
        warning_id: subject.id,
        subject_type: subject.type,
        contact_id: contact.id,
        name: contact.name,
        duty: contact.duty,
        township: contact.township,
        phones: JSON.stringify(contact.phones),
        channels: JSON.stringify(contact.channels),
        role,
        backup_for: backupFor.get(contact.id) ?? null,
        state: 'queued',
        token_hash: hash,
        expires_at: subject.expiresAt,
        queued_at: now,
        sent_at: null,
        opened_at: null,
        received_at: null,
        done_at: null,
        done_note: null,
        photo_file: null,
        phone_answer: null,
        failures: JSON.stringify(failures),
      };
      recipients.push(recipient);
      const channel: DeliveryChannel = contact.channels.includes('sms') && this.options.channels.has('sms') ? 'sms' : 'outbox';
      deliveries.push(this.delivery(subject, recipient.id, channel, contact.phones[0] ?? '', subject.text(link), now));
    }
    await insertChunked(tx, 'warning_recipients', recipients);
    await insertChunked(tx, 'warning_deliveries', deliveries);
    return recipients.map(toRecipient);
  }

  private async groupMessages(tx: Transaction<Database>, warning: Warning, people: Contact[]): Promise<void> {
    const now = new Date(this.options.clock()).toISOString();
    const rows: DeliveryRow[] = [];
    if (this.options.channels.has('dingtalk')) {
      const mentioned = people.filter((p) => p.channels.includes('dingtalk'));
      rows.push(this.delivery(asSubject(warning), null, 'dingtalk', mentioned.map((p) => p.phones[0]).join(','), groupText(warning, mentioned), now));
    }
    if (this.options.channels.has('webhook')) rows.push(this.delivery(asSubject(warning), null, 'webhook', '', webhookBody(warning, people), now));
    if (rows.length > 0) await tx.insertInto('warning_deliveries').values(rows).execute();
  }

  private delivery(subject: Pick<LinkSubject, 'type' | 'id'>, recipientId: string | null, channel: DeliveryChannel, to: string, text: string, now: string): DeliveryRow {
    return { id: `delivery-${randomUUID()}`, warning_id: subject.id, subject_type: subject.type, recipient_id: recipientId, channel, state: 'pending', attempts: 0, last_error: null, text, to_address: to, next_attempt_at: now, created_at: now, updated_at: now };
  }
}
