import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import { LoginThrottle } from '../auth/login-throttle';
import { SessionService } from '../auth/session-service';
import { UserService } from '../auth/user-service';
import { createDutyModule } from '../duty/duty-module';
import { createIncidentsModule } from '../incidents/incidents-module';
import { OverviewService } from '../overview/overview-service';
import { openTestServices, type TestServices } from '../positions/test-support';
import { DEMO_CHECK_INS } from '../shelters/demo-seed';
import { DEMO_SHELTERS } from '../shelters/shelter-sites';
import { createSheltersModule } from '../shelters/shelters-module';
import { createSuppliesModule } from '../supplies/supplies-module';
import { seedDemoSituation, type SituationServices } from './seed';

const NOW = Date.UTC(2025, 8, 15, 6, 30, 0); // 14:30 Beijing time
let s: TestServices;
let services: SituationServices;

beforeEach(async () => {
  s = await openTestServices(() => NOW);
  const sessions = new SessionService(s.store.db, s.transactor, new LoginThrottle(), { admin: 1, commander: 1, duty_officer: 1, field: 1, wall: 1 }, () => NOW);
  const domain = { db: s.store.db, transactor: s.transactor, sessions, alarms: s.alarms, clock: () => NOW };
  services = {
    incidents: createIncidentsModule({ ...domain, dataDir: '/tmp/tw-seed-test', fieldReportsPerMinute: 10, logger: pino({ level: 'silent' }) }).services,
    shelters: createSheltersModule(domain).services,
    supplies: createSuppliesModule(domain).services,
    duty: createDutyModule(domain).services,
  };
  const users = new UserService(s.store.db, s.transactor);
  await users.create({ username: 'duty', displayName: '值班员', role: 'duty_officer', password: 'long-enough-password' }, SYSTEM_ACTOR);
  await users.create({ username: 'commander', displayName: '值班指挥长', role: 'commander', password: 'long-enough-password' }, SYSTEM_ACTOR);
});
afterEach(() => s.close());

describe('the demo situation', () => {
  it('seeds through the services, once, with a shift on watch now and a run on the road', async () => {
    await seedDemoSituation(s.store.db, services, () => NOW);
    const summary = await new OverviewService(s.store.db, () => NOW).summary();
    expect(summary.shelters.total).toBe(DEMO_SHELTERS.length);
    expect(summary.evacuation.townships.every((t) => t.shelters > 0)).toBe(true);
    expect(summary.evacuation.county.sheltered).toBe(DEMO_CHECK_INS.reduce((n, [, people]) => n + people, 0));
    expect(summary.incidents.open.map((i) => i.type).sort()).toEqual(['building_collapse', 'landslide', 'vessel_distress', 'waterlogging']);
    expect(summary.supplyRuns.inTransit).toBe(1);
    expect(summary.stock.keyItems.length).toBeGreaterThanOrEqual(6);
    expect(summary.stock.low.map((l) => `${l.depotId}:${l.itemId}`)).toContain('XS-hepu:water');
    const watch = await services.duty.roster.onWatch();
    // The header reads 带班：值班指挥长 / 值班员：值班员 on every shift, never the other way round.
    expect(watch.shift?.leader.name).toBe('值班指挥长');
    expect(watch.shift?.officers.map((o) => o.name)).toEqual(['值班员']);
    expect(watch.shift?.startsAt).toBe('2025-09-15T00:00:00.000Z');
    expect(watch.next?.leader.name).toBe('值班指挥长');
    expect(watch.next?.officers.map((o) => o.name)).toEqual(['值班员']);
    const log = await services.duty.dutyLog.list();
    expect(log.filter((entry) => entry.incidentId !== null)).toHaveLength(1);
    const alarms = (await s.alarms.listOpen()).map((a) => a.kind);
    expect(alarms).toContain('shelter_near_full');
    expect(alarms).toContain('stock_low');
    const events = await s.log.currentSeq();
    await seedDemoSituation(s.store.db, services, () => NOW);
    expect(await s.log.currentSeq()).toBe(events);
  });
});
