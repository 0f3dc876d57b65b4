import type { CapAlert } from '../../../shared/schemas/cap-alert';
import type { Db } from '../../db/db-handle';
import { notFound } from '../../errors';
import type { CapAlertRow } from '../schema';

export const toCapAlert = (row: CapAlertRow): CapAlert => ({
  id: row.id,
  capVersion: row.cap_version as CapAlert['capVersion'],
  identifier: row.identifier,
  sender: row.sender,
  sent: row.sent,
  status: row.status as CapAlert['status'],
  msgType: row.msg_type as CapAlert['msgType'],
  scope: row.scope,
  references: JSON.parse(row.refs),
  infos: JSON.parse(row.infos),
  state: row.state as CapAlert['state'],
  replacedById: row.replaced_by_id,
  source: row.source,
  receivedAt: row.received_at,
});

export async function listCapAlerts(db: Db, state?: CapAlert['state']): Promise<CapAlert[]> {
  let query = db.selectFrom('cap_alerts').selectAll().orderBy('sent', 'desc').limit(500);
  if (state) query = query.where('state', '=', state);
  return (await query.execute()).map(toCapAlert);
}

export async function loadCapAlert(db: Db, id: string): Promise<CapAlert> {
  const row = await db.selectFrom('cap_alerts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('CAP alert');
  return toCapAlert(row);
}

export async function findCapAlert(db: Db, sender: string, identifier: string): Promise<CapAlertRow | undefined> {
  return db.selectFrom('cap_alerts').selectAll().where('sender', '=', sender).where('identifier', '=', identifier).executeTakeFirst();
}
