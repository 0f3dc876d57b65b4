// Test-only helpers for the devices, positions, ingest and alarm-source tests: a migrated in-memory
// store with the event plumbing, and fix builders. Not imported by the server.
import { pino } from 'pino';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import type { Fix } from '../../shared/schemas/position';
import { AlarmService } from '../alarms/alarm-service';
import { openStore, type Store } from '../db/database';
import { EventBus } from '../events/event-bus';
import { EventLog } from '../events/event-log';
import { Transactor } from '../events/transactor';
import { TeamService } from '../teams/team-service';
import { parseInput } from '../validation';
import { TeamCreateSchema } from '../../shared/schemas/team';

export const silentLogger = pino({ level: 'silent' });

export interface TestServices {
  store: Store;
  log: EventLog;
  bus: EventBus;
  transactor: Transactor;
  teams: TeamService;
  alarms: AlarmService;
  addTeam(id: string, name?: string): Promise<void>;
  close(): Promise<void>;
}

export async function openTestServices(clock: () => number = Date.now, sqliteFile = ':memory:'): Promise<TestServices> {
  const store = await openStore({ sqliteFile });
  const log = new EventLog(store.db, clock);
  const bus = new EventBus(0, (from, to) => log.readRange(from, to), (error) => {
    throw error;
  });
  const transactor = new Transactor(store.db, log, bus);
  const teams = new TeamService(store.db, transactor, clock);
  const alarms = new AlarmService(store.db, transactor, clock);
  return {
    store,
    log,
    bus,
    transactor,
    teams,
    alarms,
    async addTeam(id, name = `队伍 ${id}`) {
      await teams.create(
        parseInput(TeamCreateSchema, { name, kind: 'fire_rescue', leader: '张三', phone: '13800000000', headcount: 10, capabilities: [], baseName: '丹东街道', base: { lat: 29.47, lon: 121.87 }, township: null }),
        SYSTEM_ACTOR,
        id,
      );
    },
    async close() {
      bus.close();
      await store.close();
    },
  };
}

export const fix = (teamId: string, t: number, extra: Partial<Fix> = {}): Fix => ({
  teamId,
  deviceId: `dev-${teamId}`,
  lat: 29.47,
  lon: 121.87,
  t,
  speed: null,
  heading: null,
  accuracy: 10,
  altitude: null,
  battery: null,
  ...extra,
});
