import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CapAlert, CapImportResult } from '../../../shared/schemas/cap-alert';
import type { Actor } from '../../../shared/schemas/event';
import type { Database } from '../../db/schema';
import type { Transactor } from '../../events/transactor';
import { findCapAlert, listCapAlerts, loadCapAlert, toCapAlert } from './cap-alert-store';
import { readCapAlert } from './cap-reader';
import { readCapXml } from './xml-safety';

/**
 * Received alerts: parsed and checked whole before anything is written (an invalid file stores nothing),
 * kept with every info block, and marking the alerts they update or cancel (matched by sender + identifier).
 * The same alert twice (a feed polled again) is recognised and not stored twice.
 */
export class CapImportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly clock: () => number = Date.now,
  ) {}

  list(state?: CapAlert['state']): Promise<CapAlert[]> {
    return listCapAlerts(this.db, state);
  }

  get(id: string): Promise<CapAlert> {
    return loadCapAlert(this.db, id);
  }

  async import(bytes: Uint8Array, source: string, actor: Actor): Promise<CapImportResult> {
    const parsed = readCapAlert(readCapXml(bytes));
    const xml = Buffer.from(bytes).toString('utf8');
    return this.transactor.run(async (tx, record) => {
      const existing = await findCapAlert(tx, parsed.sender, parsed.identifier);
      if (existing) return { alert: toCapAlert(existing), replaced: [], duplicate: true };
      const alert: CapAlert = { ...parsed, id: `cap-${randomUUID()}`, state: 'active', replacedById: null, source, receivedAt: new Date(this.clock()).toISOString() };
      await tx
        .insertInto('cap_alerts')
        .values({
          id: alert.id,
          cap_version: alert.capVersion,
          identifier: alert.identifier,
          sender: alert.sender,
          sent: alert.sent,
          status: alert.status,
          msg_type: alert.msgType,
          scope: alert.scope,
          refs: JSON.stringify(alert.references),
          infos: JSON.stringify(alert.infos),
          state: alert.state,
          replaced_by_id: null,
          source,
          received_at: alert.receivedAt,
          xml,
        })
        .execute();
      await record({ type: 'cap.received', actor, payload: { alert } });
      const replaced: string[] = [];
      if (alert.msgType === 'Update' || alert.msgType === 'Cancel') {
        const state = alert.msgType === 'Update' ? 'updated' : 'cancelled';
        for (const ref of alert.references) {
          const earlier = await findCapAlert(tx, ref.sender, ref.identifier);
          if (!earlier || earlier.state !== 'active') continue;
          await tx.updateTable('cap_alerts').set({ state, replaced_by_id: alert.id }).where('id', '=', earlier.id).execute();
          await record({ type: 'cap.replaced', actor, payload: { alert: toCapAlert({ ...earlier, state, replaced_by_id: alert.id }), replacedBy: alert.id } });
          replaced.push(earlier.id);
        }
      }
      return { alert, replaced, duplicate: false };
    });
  }
}
