import type { Transaction } from 'kysely';
import type { Actor } from '../../shared/schemas/event';
import type { Database } from '../db/schema';
import type { RecordEvent } from '../events/transactor';

export interface EndSessions {
  userId: string;
  /** The session that made the change and stays signed in (a user changing their own password). */
  except?: string;
  actor: Actor;
  at: string;
}

/**
 * Revokes a user's open sessions inside the caller's transaction, one `session.revoked` event each: the
 * realtime layer cuts the sockets of every revoked session when the event is published.
 */
export async function endSessionsOf(tx: Transaction<Database>, record: RecordEvent, { userId, except, actor, at }: EndSessions): Promise<number> {
  let query = tx.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (except) query = query.where('id', '!=', except);
  const ended = await query.returning('id').execute();
  for (const session of ended) {
    await record({ type: 'session.revoked', actor, payload: { userId, sessionId: session.id } });
  }
  return ended.length;
}
