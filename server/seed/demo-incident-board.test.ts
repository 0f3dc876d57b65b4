import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import { LoginThrottle } from '../auth/login-throttle';
import { SessionService } from '../auth/session-service';
import { UserService } from '../auth/user-service';
import { createIncidentBoard, type IncidentBoard } from '../incident-board';
import { openTestServices, type TestServices } from '../positions/test-support';
import { seedDemoIncidentBoard } from './demo-incident-board';
import { DEMO_CHECK_INS, DEMO_DEPOTS, DEMO_ITEMS, DEMO_STOCK } from '../supplies/demo-supplies';
import { DEMO_SHELTERS } from '../shelters/shelter-sites';

const NOW = Date.UTC(2025, 8, 15, 6, 30, 0); // 14:30 Beijing time
let s: TestServices;
let board: IncidentBoard;

beforeEach(async () => {
  s = await openTestServices(() => NOW);
  const sessions = new SessionService(s.store.db, s.transactor, new LoginThrottle(), { admin: 1, commander: 1, duty_officer: 1, field: 1, wall: 1 }, () => NOW);
  board = createIncidentBoard({ db: s.store.db, transactor: s.transactor, sessions, alarms: s.alarms, dataDir: '/tmp/tw-seed-test', fieldReportsPerMinute: 10, logger: pino({ level: 'silent' }), clock: () => NOW });
  const users = new UserService(s.store.db, s.transactor);
  await users.create({ username: 'duty', displayName: '值班员', role: 'duty_officer', password: 'long-enough-password' }, SYSTEM_ACTOR);
  await users.create({ username: 'commander', displayName: '值班指挥长', role: 'commander', password: 'long-enough-password' }, SYSTEM_ACTOR);
});
afterEach(() => s.close());

describe('the demo incident board', () => {
  it('has consistent data: check-ins fit their shelters, stock names known depots and items', () => {
    for (const [id, people] of DEMO_CHECK_INS) expect(DEMO_SHELTERS.find((sh) => sh.id === id)!.capacity).toBeGreaterThanOrEqual(people);
    for (const [depotId, lines] of Object.entries(DEMO_STOCK)) {
      expect(DEMO_DEPOTS.some((d) => d.id === depotId)).toBe(true);
      for (const [itemId] of lines) expect(DEMO_ITEMS.some((i) => i.id === itemId) || itemId).toBe(true);
    }
  });

  it('seeds through the services, once, with a shift on watch now and a run on the road', async () => {
    await seedDemoIncidentBoard(s.store.db, board.services, () => NOW);
    const summary = await board.services.summaries.summary();
    expect(summary.shelters.total).toBe(DEMO_SHELTERS.length);
    expect(summary.evacuation.townships.every((t) => t.shelters > 0)).toBe(true);
    expect(summary.evacuation.county.sheltered).toBe(DEMO_CHECK_INS.reduce((n, [, people]) => n + people, 0));
    expect(summary.incidents.open.map((i) => i.type).sort()).toEqual(['building_collapse', 'landslide', 'vessel_distress', 'waterlogging']);
    expect(summary.supplyRuns.inTransit).toBe(1);
    expect(summary.stock.keyItems.length).toBeGreaterThanOrEqual(6);
    expect(summary.stock.low.map((l) => `${l.depotId}:${l.itemId}`)).toContain('XS-hepu:water');
    const watch = await board.services.roster.onWatch();
    // The header reads 带班：值班指挥长 / 值班员：值班员 on every shift, never the other way round.
    expect(watch.shift?.leader.name).toBe('值班指挥长');
    expect(watch.shift?.officers.map((o) => o.name)).toEqual(['值班员']);
    expect(watch.shift?.startsAt).toBe('2025-09-15T00:00:00.000Z');
    expect(watch.next?.leader.name).toBe('值班指挥长');
    expect(watch.next?.officers.map((o) => o.name)).toEqual(['值班员']);
    const alarms = (await s.alarms.listOpen()).map((a) => a.kind);
    expect(alarms).toContain('shelter_near_full');
    expect(alarms).toContain('stock_low');
    const events = await s.log.currentSeq();
    await seedDemoIncidentBoard(s.store.db, board.services, () => NOW);
    expect(await s.log.currentSeq()).toBe(events);
  });
});
