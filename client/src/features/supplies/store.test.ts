import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LedgerEntry } from '@shared/schemas/supply';
import { suppliesApi } from './api';
import { depot, item, level, run } from './testFixtures';
import { createEventRouter } from '../../shell/realtime/eventRouter';
import { SyncSession } from '../../shell/realtime/syncSession';
import { ev, snapshot } from '../../shell/realtime/testFixtures';
import { useSuppliesStore } from './store';
import { useSheltersStore } from '../shelters/store';
import { shelter } from '../shelters/testFixtures';

vi.mock('./api', () => ({ suppliesApi: { ledger: vi.fn(), runs: vi.fn() } }));
const ledgerApi = vi.mocked(suppliesApi.ledger);

const entry = (id: string, depotId: string, at = '2025-08-01T01:00:00.000Z'): LedgerEntry => ({
  id,
  at,
  kind: 'receipt',
  depotId,
  shelterId: null,
  incidentId: null,
  itemId: 'tent',
  quantity: 5,
  reservedDelta: 0,
  runId: null,
  reason: '入库',
  actorName: '林值班',
});
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('supplies store: live stock, runs and ledger', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    ledgerApi.mockReset();
  });

  function start(supplyRuns = [run('r1')]) {
    const sync = new SyncSession(createEventRouter());
    sync.beginHello();
    sync.completeHello({ mode: 'snapshot', snapshot: snapshot(10, { depots: [depot('d1'), depot('d2')], supplyItems: [item('tent')], stockLevels: [level('d1', 'tent')], supplyRuns, shelters: [shelter('s1')] }), positions: [] });
    return sync;
  }

  it('keeps a run after it arrives (for its goal), off the active list; a new snapshot keeps finished runs only', () => {
    const sync = start();
    const supplies = useSuppliesStore();
    sync.receiveEvent(ev(11, 'supply_run.arrived', { run: run('r1', { status: 'arrived', arrivedAt: '2025-08-01T05:00:00.000Z', updatedAt: '2025-08-01T05:00:00.000Z' }), levels: [], shelter: null }));
    expect(supplies.activeRuns).toEqual([]);
    expect(supplies.runs.map((r) => [r.id, r.status])).toEqual([['r1', 'arrived']]);

    sync.receiveEvent(ev(12, 'supply_run.allocated', { run: run('r2'), levels: [] }));
    sync.beginHello();
    sync.completeHello({ mode: 'snapshot', snapshot: snapshot(20, { depots: [depot('d1')], supplyItems: [item('tent')], stockLevels: [], supplyRuns: [run('r3')] }), positions: [] });
    // r2 finished while we were away (not in the snapshot's active list): it is gone; r1 stays.
    expect(supplies.runs.map((r) => r.id).sort()).toEqual(['r1', 'r3']);
  });

  it('adds the entries of another desk\'s movement to the ledger on screen, for the depot shown', async () => {
    const sync = start();
    const supplies = useSuppliesStore();
    ledgerApi.mockResolvedValue([entry('e1', 'd1')]);
    supplies.trackLedger('d1');
    await flush();
    expect(ledgerApi).toHaveBeenCalledWith({ depotId: 'd1' });

    const levels = [level('d1', 'tent', { onHand: 15, available: 15, updatedAt: '2025-08-01T02:00:00.000Z' })];
    sync.receiveEvent(ev(11, 'stock.changed', { entries: [entry('e2', 'd1', '2025-08-01T02:00:00.000Z'), entry('e3', 'd2', '2025-08-01T02:00:00.000Z')], levels }));
    expect(supplies.ledger.map((e) => e.id)).toEqual(['e2', 'e1']);
    expect(supplies.level('d1', 'tent')?.available).toBe(15);
  });

  it('refetches the ledger after a run event, whose entries the event does not carry', async () => {
    const sync = start();
    const supplies = useSuppliesStore();
    ledgerApi.mockResolvedValue([]);
    supplies.trackLedger(null);
    await flush();
    ledgerApi.mockResolvedValue([{ ...entry('e9', 'd1'), kind: 'departure', quantity: -2, reservedDelta: -2 }]);
    sync.receiveEvent(ev(11, 'supply_run.departed', { run: run('r1', { status: 'in_transit', updatedAt: '2025-08-01T03:00:00.000Z' }), levels: [] }));
    await flush();
    expect(ledgerApi).toHaveBeenCalledTimes(2);
    expect(supplies.ledger.map((e) => e.kind)).toEqual(['departure']);
  });

  it('does not fetch the ledger nobody is looking at', () => {
    const sync = start();
    sync.receiveEvent(ev(11, 'supply_run.cancelled', { run: run('r1', { status: 'cancelled', updatedAt: '2025-08-01T03:00:00.000Z' }), levels: [] }));
    expect(ledgerApi).not.toHaveBeenCalled();
  });

  it('applies stock levels from ledger events, drops arrived runs and stocks the shelter they reached', () => {
    const sync = start();
    const supplies = useSuppliesStore();
    expect(supplies.activeRuns.map((r) => r.id)).toEqual(['r1']);
    sync.receiveEvent(ev(11, 'stock.changed', { entries: [], levels: [level('d1', 'tent', { onHand: 3, available: 3, updatedAt: '2025-08-01T00:01:00.000Z' })] }));
    sync.receiveEvent(ev(12, 'supply_run.arrived', { run: run('r1', { status: 'arrived', updatedAt: '2025-08-01T00:02:00.000Z' }), levels: [], shelter: shelter('s1', { supplies: [{ itemId: 'tent', quantity: 2 }], updatedAt: '2025-08-01T00:02:00.000Z' }) }));
    sync.receiveEvent(ev(13, 'supply_item.created', { item: item('boat') }));
    expect(supplies.levelsByKey['d1|tent']?.available).toBe(3);
    expect(supplies.activeRuns).toEqual([]);
    expect(supplies.items.map((i) => i.id)).toContain('boat');
    expect(useSheltersStore().get('s1')?.supplies).toEqual([{ itemId: 'tent', quantity: 2 }]);
  });
});
