// Test-only: the response services over a migrated store (SQLite in memory or a PostgreSQL schema) with the
// real dispatch, shelters, warnings, contacts and wall services behind the ports. Not imported by the server.
import { SYSTEM_ACTOR, type Actor } from '../../shared/schemas/event';
import { ShelterCreateSchema } from '../../shared/schemas/shelter';
import { TeamCreateSchema } from '../../shared/schemas/team';
import { ActionLedger } from '../actions/action-ledger';
import { AlarmService } from '../alarms/alarm-service';
import { ContactService } from '../contacts/contact-service';
import type { Store } from '../db/database';
import { AssignmentWriter } from '../dispatch/assignment-writer';
import { DispatchReader } from '../dispatch/dispatch-reader';
import { DispatchService } from '../dispatch/dispatch-service';
import { EventBus } from '../events/event-bus';
import { EventLog } from '../events/event-log';
import { Transactor } from '../events/transactor';
import { EvacuationService } from '../shelters/evacuation-service';
import { ShelterService } from '../shelters/shelter-service';
import { TeamService } from '../teams/team-service';
import { parseInput } from '../validation';
import { WallLayoutService } from '../wall/wall-layout-service';
import { RecipientService } from '../warnings/ack/recipient-service';
import { FanOut } from '../warnings/delivery/fan-out';
import { TEST_PUBLISHER } from '../warnings/test-support';
import { WarningService } from '../warnings/warning-service';
import { EvacuationTargetService } from './evacuation-service';
import { OverdueWatcher } from './overdue-watcher';
import { PlanDispatchService } from './plan-dispatches';
import { PlanService } from './plan-service';
import type { ResponsePorts } from './ports';
import { ResponseService } from './response-service';
import { TaskService } from './task-service';

export const commander: Actor = { type: 'user', id: 'u-cmd', name: '指挥长乙' };
export const dutyOfficer: Actor = { type: 'user', id: 'u-duty', name: '值班员甲' };

export async function openResponseServices(store: Store, clock: () => number, wrapPorts: (ports: ResponsePorts) => ResponsePorts = (p) => p) {
  const log = new EventLog(store.db, clock);
  const bus = new EventBus(await log.currentSeq(), (from, to) => log.readRange(from, to), () => {});
  const transactor = new Transactor(store.db, log, bus);
  const alarms = new AlarmService(store.db, transactor, clock);
  const teams = new TeamService(store.db, transactor, clock);
  const contacts = new ContactService(store.db, transactor, clock);
  const shelters = new ShelterService(store.db, transactor, alarms, clock);
  /** The townships' 投亲靠友 counts (the shelters domain). */
  const relatives = new EvacuationService(store.db, transactor, clock);
  const fanOut = new FanOut({ channels: new Set(['outbox']), publicBaseUrl: 'https://warn.example.org', clock });
  const warnings = new WarningService(store.db, transactor, TEST_PUBLISHER, (tx, record, warning, actor) => fanOut.published(tx, record, warning, actor), clock);
  const dispatches = new DispatchService(new ActionLedger(store.db, transactor, clock), new AssignmentWriter(alarms, clock), new DispatchReader(store.db, clock), clock);
  const layouts = new WallLayoutService(store.db, transactor);
  const recipients = new RecipientService(store.db, transactor, clock);
  const ports = wrapPorts({
    createDispatch: (tx, record, data, actor) => dispatches.createWithin(tx, record, data, actor),
    findDispatch: (tx, id) => dispatches.findWithin(tx, id),
    cancelDispatch: (tx, record, id, reason, actor) => dispatches.cancelWithin(tx, record, id, reason, actor),
    openShelter: async (tx, record, id, actor, exercise) => void (await shelters.setStatusWithin(tx, record, id, { status: 'open', exercise }, actor)),
    draftWarning: async (tx, record, data, actor, drillContactIds) => (await warnings.draftWithin(tx, record, data, actor, drillContactIds)).id,
    setWallLayout: (tx, record, layout, actor) => layouts.setWithin(tx, record, layout, actor),
    queueLinks: (tx, subject, list, role, backupFor) => fanOut.queueLinks(tx, subject, list, role, backupFor),
  });
  const responses = new ResponseService(store.db, new ActionLedger(store.db, transactor, clock), ports, alarms, clock);
  const tasks = new TaskService(store.db, transactor, ports, alarms, clock);
  recipients.registerSubject('task', tasks.subject);
  const plans = new PlanService(store.db, transactor, clock);
  const evacuation = new EvacuationTargetService(store.db, transactor, clock);
  const planDispatches = new PlanDispatchService(store.db, new ActionLedger(store.db, transactor, clock), ports);
  const watcher = new OverdueWatcher(store.db, transactor, alarms, ports, clock);
  return {
    store,
    log,
    bus,
    alarms,
    teams,
    contacts,
    shelters,
    relatives,
    warnings,
    recipients,
    responses,
    tasks,
    plans,
    evacuation,
    watcher,
    planDispatches,
    async addTeam(id: string, name = `队伍 ${id}`) {
      await teams.create(parseInput(TeamCreateSchema, { name, kind: 'township', leader: '张三', phone: '13800000000', headcount: 10, capabilities: [], baseName: '基地', base: { lat: 29.2, lon: 121.95 }, township: '石浦镇' }), SYSTEM_ACTOR, id);
    },
    async addShelter(id: string, township: string, lat: number, lon: number) {
      await shelters.create(parseInput(ShelterCreateSchema, { name: `${township}安置点`, level: 'township', township, location: { lat, lon }, address: township, capacity: 300 }), SYSTEM_ACTOR, id);
    },
    async addContact(id: string, township: string, phone: string) {
      await contacts.create({ name: `${township}镇长`, duty: 'township_head', township, unit: '', phones: [phone], channels: ['sms'], backupId: null }, dutyOfficer, id);
    },
    close() {
      bus.close();
      return store.close();
    },
  };
}

export type ResponseTestServices = Awaited<ReturnType<typeof openResponseServices>>;
