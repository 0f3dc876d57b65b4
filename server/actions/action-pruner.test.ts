import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createRequest, openDispatchTestBed, principal, type DispatchTestBed } from '../dispatch/test-support';
import { ActionPruner } from './action-pruner';
import { parseInput } from '../validation';
import { DispatchCreateSchema } from '../../shared/schemas/dispatch';
import { TeamCreateSchema } from '../../shared/schemas/team';

const DAY = 24 * 3_600_000;
let bed: DispatchTestBed | null = null;
afterEach(async () => {
  await bed?.store.close();
  bed = null;
});

describe('ActionPruner', () => {
  it('forgets answers older than the window, so the table stops growing, and keeps recent ones replayable', async () => {
    let now = Date.parse('2026-08-01T00:00:00Z');
    bed = await openDispatchTestBed(() => now);
    const desk = principal('duty_officer');
    const team = await bed.teams.create(parseInput(TeamCreateSchema, { name: '一队', kind: 'township', leader: '甲', phone: '1', headcount: 3, capabilities: [], baseName: '站', base: { lat: 29.4, lon: 121.8 }, township: null }), { type: 'system', id: 's', name: 's' });
    const old = createRequest([team.id], { actionId: randomUUID() });
    await bed.dispatches.create(parseInput(DispatchCreateSchema, old), desk);
    now += 40 * DAY;
    const recent = createRequest([team.id], { actionId: randomUUID() });
    const first = await bed.dispatches.create(parseInput(DispatchCreateSchema, recent), desk);

    const pruner = new ActionPruner({ db: bed.store.db, keepDays: 30, logger: pino({ level: 'silent' }), clock: () => now });
    expect(await pruner.runOnce()).toBe(1);
    expect(await pruner.runOnce()).toBe(0);
    const ids = (await bed.store.db.selectFrom('processed_actions').select('action_id').execute()).map((r) => r.action_id);
    expect(ids).toEqual([recent.actionId]);
    // The recent action is still recognised: a retry gets the same dispatch back, not a second one.
    expect((await bed.dispatches.create(parseInput(DispatchCreateSchema, recent), desk)).id).toBe(first.id);
    await pruner.close();
  });
});
