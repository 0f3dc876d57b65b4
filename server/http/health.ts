import { Router } from 'express';
import type { Store } from '../db/database';
import { DomainError } from '../errors';
import type { EventLog } from '../events/event-log';

/** How long the store may take to answer before this instance reports itself unable to store anything. */
const STORE_ANSWER_MS = 2_000;

export interface InstanceStatus {
  /** How many jobs (watchers, periodic work) this instance owns now in cluster mode; null on a single instance (all). */
  jobsHeld(): number | null;
  /** Sockets connected to this instance. */
  sockets(): number;
}

/**
 * `GET /health`: the store answers, with its dialect, the last event's seq and what this instance carries. A
 * store that does not answer within 2 s makes it 503 STORE_UNAVAILABLE, so the proxy takes the instance out.
 */
export function healthRoutes(store: Pick<Store, 'dialect'>, log: Pick<EventLog, 'currentSeq'>, instance: InstanceStatus): Router {
  return Router().get('/health', async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DomainError('STORE_UNAVAILABLE')), STORE_ANSWER_MS);
    });
    try {
      const seq = await Promise.race([log.currentSeq(), late]);
      res.json({ ok: true, data: { status: 'ok', store: store.dialect, seq, jobs: instance.jobsHeld(), sockets: instance.sockets() } });
    } finally {
      clearTimeout(timer);
    }
  });
}
