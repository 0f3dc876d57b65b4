/**
 * Outbox items exactly as the client before versioned formats (format 1, up to commit 7bdf864) stored them
 * in IndexedDB: no `format` field. A tablet offline through the upgrade holds such items; tests load them.
 */
export interface LegacyOutboxOptions {
  owner: string;
  dispatchId: string;
  /** The fix time of the SOS and the position. */
  t: number;
  /** The item ids (also the action ids), so a test can find what the server applied. */
  ids: { received: string; accepted: string; enRoute: string; sos: string; position: string };
}

export function legacyOutboxItems({ owner, dispatchId, t, ids }: LegacyOutboxOptions): Array<Record<string, unknown>> {
  const base = { owner, key: null, createdAt: t, attempts: 1, lastError: 'OFFLINE', failed: null };
  return [
    { ...base, id: ids.received, order: 1, kind: 'dispatch:received', payload: { dispatchId, actionId: ids.received }, urgent: false, key: `received:${dispatchId}` },
    { ...base, id: ids.accepted, order: 2, kind: 'dispatch:step', payload: { dispatchId, to: 'accepted', reason: null, actionId: ids.accepted }, urgent: false, attempts: 0, lastError: null },
    { ...base, id: ids.position, order: 3, kind: 'position:report', payload: { lat: 29.131, lon: 122.031, t, accuracy: 15 }, urgent: false, attempts: 0, lastError: null, coalesceFrom: t },
    { ...base, id: ids.enRoute, order: 4, kind: 'dispatch:step', payload: { dispatchId, to: 'en_route', reason: null, actionId: ids.enRoute }, urgent: false, attempts: 0, lastError: null },
    { ...base, id: ids.sos, order: 5, kind: 'field:sos', payload: { position: { lat: 29.131, lon: 122.031, t }, note: '', actionId: ids.sos }, urgent: true, attempts: 0, lastError: null },
  ];
}
