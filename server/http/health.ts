import { Router } from 'express';
import type { Store } from '../db/database';
import type { EventLog } from '../events/event-log';

/** `GET /health`: the store answers, with its dialect and the last event's seq. */
export function healthRoutes(store: Pick<Store, 'dialect'>, log: Pick<EventLog, 'currentSeq'>): Router {
  return Router().get('/health', async (_req, res) => {
    const seq = await log.currentSeq();
    res.json({ ok: true, data: { status: 'ok', store: store.dialect, seq } });
  });
}
