import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../positions/test-support';
import { DispatchEscalationWatcher } from './escalation-watcher';
import { action, createRequest, openDispatchTestBed, principal, type DispatchTestBed } from './test-support';
import { parseInput } from '../validation';
import { DispatchCreateSchema, DispatchStepRequestSchema } from '../../shared/schemas/dispatch';

const START = Date.UTC(2025, 8, 15, 6, 0, 0);
const DELIVERY_MS = 60_000;
const ACCEPT_MS = 300_000;

let now: number;
let bed: DispatchTestBed;
let watcher: DispatchEscalationWatcher;
const desk = principal('commander');
const tablet = principal('field', 'team-a');

const open = async () => (await bed.alarms.listOpen()).map((a) => `${a.kind}:${a.severity}:${a.sound}`).sort();
const raisedCount = async () => (await bed.events()).filter((e) => e.type === 'alarm.raised').length;

beforeEach(async () => {
  now = START;
  bed = await openDispatchTestBed(() => now);
  await bed.addTeam('team-a', '丹城救援队');
  await bed.addTeam('team-b');
  watcher = new DispatchEscalationWatcher({ db: bed.store.db, transactor: bed.transactor, alarms: bed.alarms, deliveryTimeoutMs: DELIVERY_MS, acceptTimeoutMs: ACCEPT_MS, clock: () => now, logger: silentLogger });
});
afterEach(async () => {
  await watcher.close();
  await bed.close();
});

describe('DispatchEscalationWatcher', () => {
  it('raises dispatch_undelivered once after the delivery timeout and clears it on delivery', async () => {
    const { id } = await bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest(['team-a'], { priority: 'flash' })), desk);
    now += DELIVERY_MS - 1_000;
    await watcher.checkNow();
    expect(await open()).toEqual([]);

    now += 2_000;
    await watcher.checkNow();
    await watcher.checkNow();
    expect(await open()).toEqual(['dispatch_undelivered:critical:repeat']);
    expect(await raisedCount()).toBe(1);
    const [alarm] = await bed.alarms.listOpen();
    expect(alarm).toMatchObject({ sourceType: 'dispatch_assignment', sourceId: `${id}:team-a`, params: { teamName: '丹城救援队', dispatchId: id, priority: 'flash' } });

    await bed.dispatches.receive({ actionId: action(), dispatchId: id }, tablet);
    expect(await open()).toEqual([]);
  });

  it('raises dispatch_unaccepted after the accept timeout, severity by priority, and clears it on accept', async () => {
    const { id } = await bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest(['team-a'], { priority: 'routine' })), desk);
    await bed.dispatches.receive({ actionId: action(), dispatchId: id }, tablet);
    now += ACCEPT_MS + 1;
    await watcher.checkNow();
    expect(await open()).toEqual(['dispatch_unaccepted:info:once']);
    await bed.dispatches.tabletStep(parseInput(DispatchStepRequestSchema, { actionId: action(), dispatchId: id, to: 'accepted' }), tablet);
    expect(await open()).toEqual([]);
  });

  it('clears both alarms when the desk cancels, and raises nothing for a cancelled assignment', async () => {
    const first = await bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest(['team-a', 'team-b'], { priority: 'urgent' })), desk);
    now += ACCEPT_MS + 1;
    await watcher.checkNow();
    expect(await open()).toEqual(['dispatch_unaccepted:warning:repeat', 'dispatch_unaccepted:warning:repeat', 'dispatch_undelivered:warning:repeat', 'dispatch_undelivered:warning:repeat']);
    await bed.dispatches.cancel(first.id, { actionId: action(), teamIds: ['team-a'], reason: '撤销' }, desk);
    expect((await bed.alarms.listOpen()).every((a) => a.sourceId.endsWith(':team-b'))).toBe(true);

    await bed.dispatches.cancel(first.id, { actionId: action(), reason: '撤销' }, desk);
    now += ACCEPT_MS;
    await watcher.checkNow();
    expect(await open()).toEqual([]);
  });

  it('clears an alarm left open by a step that raced the raise, on its next check', async () => {
    const { id } = await bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest(['team-a'])), desk);
    await bed.dispatches.receive({ actionId: action(), dispatchId: id }, tablet);
    await bed.alarms.raise({ kind: 'dispatch_undelivered', severity: 'warning', sound: 'repeat', sourceType: 'dispatch_assignment', sourceId: `${id}:team-a`, params: {} });
    await watcher.checkNow();
    expect(await open()).toEqual([]);
  });

  it('checks on its own once started', async () => {
    await bed.dispatches.create(parseInput(DispatchCreateSchema, createRequest(['team-a'])), desk);
    now += DELIVERY_MS + 1;
    const fast = new DispatchEscalationWatcher({ db: bed.store.db, transactor: bed.transactor, alarms: bed.alarms, deliveryTimeoutMs: DELIVERY_MS, acceptTimeoutMs: ACCEPT_MS, checkEveryMs: 20, clock: () => now, logger: silentLogger });
    fast.start();
    await new Promise((r) => setTimeout(r, 100));
    await fast.close();
    expect(await open()).toEqual(['dispatch_undelivered:warning:repeat']);
  });
});
