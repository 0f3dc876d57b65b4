import type { Warning } from '../../shared/schemas/warning';
import type { Db } from '../db/db-handle';
import { notFound } from '../errors';
import type { WarningRow } from './schema';

export const toWarning = (row: WarningRow): Warning => ({
  id: row.id,
  identifier: row.identifier,
  msgType: row.msg_type as Warning['msgType'],
  replacesId: row.replaces_id,
  hazard: row.hazard as Warning['hazard'],
  colour: row.colour as Warning['colour'],
  townships: JSON.parse(row.townships),
  texts: JSON.parse(row.texts),
  effective: row.effective,
  expires: row.expires,
  status: row.status as Warning['status'],
  exercise: row.exercise === 1,
  draftedBy: { id: row.drafted_by_id, name: row.drafted_by_name },
  draftedAt: row.drafted_at,
  approvedBy: row.approved_by_id ? { id: row.approved_by_id, name: row.approved_by_name ?? '' } : null,
  issuedAt: row.issued_at,
  replacedById: row.replaced_by_id,
  updatedAt: row.updated_at,
});

export const toWarningRow = (w: Warning, capXml: string | null): WarningRow => ({
  id: w.id,
  identifier: w.identifier,
  msg_type: w.msgType,
  replaces_id: w.replacesId,
  hazard: w.hazard,
  colour: w.colour,
  townships: JSON.stringify(w.townships),
  texts: JSON.stringify(w.texts),
  effective: w.effective,
  expires: w.expires,
  status: w.status,
  exercise: w.exercise ? 1 : 0,
  drafted_by_id: w.draftedBy.id,
  drafted_by_name: w.draftedBy.name,
  drafted_at: w.draftedAt,
  approved_by_id: w.approvedBy?.id ?? null,
  approved_by_name: w.approvedBy?.name ?? null,
  issued_at: w.issuedAt,
  replaced_by_id: w.replacedById,
  cap_xml: capXml,
  updated_at: w.updatedAt,
});

export async function loadWarningRow(db: Db, id: string): Promise<WarningRow> {
  const row = await db.selectFrom('warnings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Warning');
  return row;
}

export async function listWarnings(db: Db, status?: Warning['status']): Promise<Warning[]> {
  let query = db.selectFrom('warnings').selectAll().orderBy('updated_at', 'desc').limit(500);
  if (status) query = query.where('status', '=', status);
  return (await query.execute()).map(toWarning);
}

/** The earlier messages of a warning's chain, oldest first: what its `references` list. */
export async function chainBefore(db: Db, replacesId: string | null): Promise<WarningRow[]> {
  const chain: WarningRow[] = [];
  for (let id = replacesId; id && chain.length < 100; ) {
    const row = await loadWarningRow(db, id);
    chain.unshift(row);
    id = row.replaces_id;
  }
  return chain;
}
