import type { WarningLists } from '../../shared/schemas/warning';
import type { Db } from '../db/db-handle';
import { coverageOf } from './ack/recipient-store';
import { toCapAlert } from './cap/cap-alert-store';
import { toWarning } from './warning-store';

/** How long an ended warning or a replaced alert stays on the board after it ended. */
const ENDED_SHOWN_MS = 2 * 24 * 3_600_000;
const MAX_SHOWN = 300;

/**
 * The board's part of the snapshot: drafts, warnings in force and those ended in the last two days; the
 * received alerts in force and those replaced lately; the coverage of every warning in force.
 */
export async function readWarningLists(db: Db, now: number): Promise<WarningLists> {
  const nowIso = new Date(now).toISOString();
  const since = new Date(now - ENDED_SHOWN_MS).toISOString();
  const warningRows = await db
    .selectFrom('warnings')
    .selectAll()
    .where((eb) => eb.or([eb('status', '=', 'draft'), eb('updated_at', '>=', since), eb.and([eb('status', '=', 'issued'), eb('expires', '>', since)])]))
    .orderBy('updated_at', 'desc')
    .limit(MAX_SHOWN)
    .execute();
  const warnings = warningRows.map(toWarning);
  const capRows = await db
    .selectFrom('cap_alerts')
    .selectAll()
    .where((eb) => eb.or([eb('state', '=', 'active'), eb('received_at', '>=', since)]))
    .orderBy('sent', 'desc')
    .limit(MAX_SHOWN)
    .execute();
  const inForce = warnings.filter((w) => w.status === 'issued' && w.msgType !== 'Cancel' && w.expires > nowIso);
  const warningCoverage = [];
  for (const warning of inForce) warningCoverage.push(await coverageOf(db, warning));
  return { warnings, capAlerts: capRows.map(toCapAlert), warningCoverage };
}
