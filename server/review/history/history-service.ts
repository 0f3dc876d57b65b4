import { sql, type Kysely } from 'kysely';
import { MAX_HISTORY_ENTRIES, type History, type HistoryEntry, type HistoryKind } from '../../../shared/schemas/history';
import type { Database } from '../../db/schema';
import { toEvent, visibleTo } from '../log-reader';
import type { Viewer } from '../../visibility/policy';
import { describeEvent, subjectsOf } from './subjects';

const PAGE_ROWS = 2_000;
/** A record's whole history is read at most this far back (events whose payload names its id), newest first. */
const MAX_SCANNED = 200_000;

const likePattern = (id: string) => `%"${id.replace(/[\\%_]/g, (c) => `\\${c}`)}"%`;

/**
 * An entity's history from the event log: every visible event that concerns it, oldest first. Candidates are
 * the events whose payload names the id (a text match), read a page at a time from the newest; each is then
 * checked against the record it really concerns.
 */
export class HistoryService {
  constructor(private readonly db: Kysely<Database>) {}

  async history(kind: HistoryKind, id: string, viewer: Viewer): Promise<History> {
    const entries: HistoryEntry[] = [];
    let label: string | null = null;
    let before = Number.MAX_SAFE_INTEGER;
    let scanned = 0;
    let truncated = false;
    while (scanned < MAX_SCANNED) {
      const query = this.db.selectFrom('events').selectAll().where('seq', '<', before).where(sql<boolean>`payload like ${likePattern(id)} escape '\\'`);
      const rows = await visibleTo(query, viewer).orderBy('seq', 'desc').limit(PAGE_ROWS).execute();
      scanned += rows.length;
      for (const row of rows) {
        const event = toEvent(row);
        if (!subjectsOf(event).some((s) => s.kind === kind && s.id === id)) continue;
        if (entries.length === MAX_HISTORY_ENTRIES) {
          truncated = true;
          break;
        }
        const described = describeEvent(event);
        label ??= described.label;
        entries.push({ seq: event.seq, at: event.at, type: event.type, actor: event.actor, detail: described.detail });
      }
      if (truncated || rows.length < PAGE_ROWS) break;
      before = Number(rows[rows.length - 1]!.seq);
    }
    return { kind, id, label, entries: entries.reverse(), truncated };
  }
}
