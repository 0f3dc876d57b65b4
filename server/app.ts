import http from 'node:http';
import path from 'node:path';
import { Router } from 'express';
import type { Logger } from 'pino';
import type { Role } from '../shared/enums';
import type { FieldFix } from '../shared/schemas/position';
import { ActionPruner } from './actions/action-pruner';
import { AlarmService } from './alarms/alarm-service';
import { alarmRoutes } from './alarms/routes';
import { UnitSilenceWatcher } from './alarms/unit-silence-watcher';
import { LoginThrottle } from './auth/login-throttle';
import type { Principal } from './auth/principal';
import { authRoutes } from './auth/routes';
import { SessionService } from './auth/session-service';
import { UserService } from './auth/user-service';
import type { Config } from './config/config';
import { openStore, type Store } from './db/database';
import { DeviceService } from './devices/device-service';
import { deviceRoutes } from './devices/routes';
import { trackerEndpoints } from './devices/tracker-endpoints';
import { EventBus } from './events/event-bus';
import { EventLog } from './events/event-log';
import { Transactor } from './events/transactor';
import { createDispatchModule } from './dispatch/dispatch-module';
import { createHttpApp } from './http/http-app';
import { findClientDir } from './http/static-client';
import { createIncidentBoard, type IncidentBoard } from './incident-board';
import { ingestRoutes } from './ingest/ingest-routes';
import { createOsmandServer } from './ingest/osmand-server';
import { checkFix } from './positions/plausibility';
import { trackerSos } from './ingest/tracker-sos';
import { WriteLimiter } from './actions/write-limiter';
import { PositionHub } from './positions/position-hub';
import { historyWriter } from './positions/position-store';
import { RetentionJob } from './positions/retention';
import { positionRoutes } from './positions/routes';
import { RealtimeServer } from './realtime/realtime-server';
import { SnapshotService } from './sync/snapshot-service';
import { teamRoutes } from './teams/routes';
import { TeamService } from './teams/team-service';
import { redirectRemotePlainHttp } from './tls/https-redirect';
import { WallLayoutService } from './wall/wall-layout-service';
import { wallRoutes } from './wall/routes';
import { createVideoModule } from './video/video-module';

export interface AppServices {
  store: Store;
  users: UserService;
  sessions: SessionService;
  teams: TeamService;
  devices: DeviceService;
  alarms: AlarmService;
  positions: PositionHub;
  layouts: WallLayoutService;
  log: EventLog;
  board: IncidentBoard['services'];
}

/**
 * The composition root: builds every service from the config, wires them together and owns their
 * lifetimes. Ownership runs down from here; `close()` tears down in reverse and is idempotent.
 */
export class TidewatchApp {
  private closing: Promise<void> | null = null;
  private readonly timers: NodeJS.Timeout[] = [];

  private constructor(
    readonly services: AppServices,
    readonly httpServer: http.Server,
    readonly osmandServer: http.Server,
    private readonly realtime: RealtimeServer,
    private readonly background: Array<{ start(): void; close(): void | Promise<void> }>,
    private readonly logger: Logger,
  ) {}

  static async create(config: Config, logger: Logger, clock: () => number = Date.now): Promise<TidewatchApp> {
    const store = await openStore({
      databaseUrl: config.DATABASE_URL,
      schema: config.DATABASE_SCHEMA,
      sqliteFile: path.join(config.dataDir, 'tidewatch.sqlite'),
    });
    const log = new EventLog(store.db, clock);
    const bus = new EventBus(await log.currentSeq(), (from, to) => log.readRange(from, to), (err) => logger.error({ err }, 'event delivery failed'));
    const transactor = new Transactor(store.db, log, bus);

    const lifetimes: Record<Role, number> = {
      admin: config.SESSION_HOURS_ADMIN,
      commander: config.SESSION_HOURS_COMMANDER,
      duty_officer: config.SESSION_HOURS_DUTY_OFFICER,
      field: config.SESSION_HOURS_FIELD,
      wall: config.SESSION_HOURS_WALL,
    };
    const users = new UserService(store.db, transactor, clock);
    const sessions = new SessionService(store.db, transactor, new LoginThrottle(), lifetimes, clock);
    const teams = new TeamService(store.db, transactor, clock);
    const devices = new DeviceService(store.db, transactor, clock, store.background);
    const alarms = new AlarmService(store.db, transactor, clock);
    const layouts = new WallLayoutService(store.db, transactor);
    const board = createIncidentBoard({ db: store.db, transactor, sessions, alarms, dataDir: config.dataDir, fieldReportsPerMinute: config.FIELD_REPORTS_PER_MINUTE, logger, clock });
    const snapshots = new SnapshotService(store.db, store.dialect, log, alarms, layouts, { readDevices: (db) => devices.list(db), readIncidentBoard: (db) => board.readSnapshotLists(db), readDispatches: (db, viewer) => dispatch.readSnapshot(db, viewer) });

    const httpServer = http.createServer();
    let realtime: RealtimeServer | null = null;
    const positions = new PositionHub({
      db: store.db,
      clock,
      pushIntervalMs: config.POSITION_PUSH_MS,
      flushIntervalMs: config.POSITION_FLUSH_MS,
      writeHistory: historyWriter(store),
      publish: (fixes) => realtime?.publishPositions(fixes),
      logger,
    });
    await positions.loadLatest();

    const acceptFieldFix = async (principal: Principal, fieldFix: FieldFix): Promise<boolean> => {
      if (!principal.teamId) return false;
      const { fix } = checkFix({ ...fieldFix, teamId: principal.teamId, deviceId: `browser:${principal.userId}` }, clock());
      if (!fix) return false;
      positions.accept(fix);
      return true;
    };
    const dispatch = createDispatchModule({ db: store.db, transactor, alarms, sessions, config, latestFix: (id) => positions.latestFor(id), acceptFieldFix, logger, clock });
    const video = await createVideoModule({
      db: store.db,
      transactor,
      bus,
      sessions,
      config,
      teamName: async (id) => (await teams.get(id)).name,
      io: () => realtime?.io ?? null,
      logger,
      clock,
    });
    // Tablet positions (not the SOS position, which goes through acceptFieldFix directly) are limited per tablet.
    const tabletPositions = new WriteLimiter({ burst: config.TABLET_POSITIONS_PER_MINUTE, perMinute: config.TABLET_POSITIONS_PER_MINUTE, clock });
    const acceptTabletFix = (principal: Principal, fieldFix: FieldFix): Promise<boolean> => {
      tabletPositions.take(principal.sessionId);
      return acceptFieldFix(principal, fieldFix);
    };
    realtime = new RealtimeServer({ httpServer, sessions, log, bus, snapshots, positions, alarms, acceptFieldFix: acceptTabletFix, logger, clock });
    realtime.io.on('connection', (socket) => dispatch.registerSocket(socket));
    realtime.io.on('connection', (socket) => board.registerSocket(socket));
    realtime.io.on('connection', (socket) => video.registerSocket(socket));

    const teamNames = new Map((await teams.list()).map((t) => [t.id, t.name]));
    const ingest = { devices, hub: positions, logger, clock, raiseSos: trackerSos(alarms, (id) => teamNames.get(id)) };
    const health = Router().get('/health', async (_req, res) => {
      const seq = await log.currentSeq();
      res.json({ ok: true, data: { status: 'ok', store: store.dialect, seq } });
    });
    const publicConfig = Router().get('/config', (_req, res) => {
      res.json({ ok: true, data: { staleAfterSeconds: config.STALE_AFTER_SECONDS, trailMinutes: 30, timeZone: 'Asia/Shanghai', version: process.env.npm_package_version ?? '0.1.0' } });
    });
    const app = createHttpApp({
      root: [redirectRemotePlainHttp({ exemptPrefixes: ['/ingest', '/health', '/socket.io'] }) as unknown as Router, health, ingestRoutes(ingest), ...board.rootRouters],
      api: [
        publicConfig,
        authRoutes(sessions, users),
        teamRoutes(sessions, teams),
        deviceRoutes(sessions, devices, () => trackerEndpoints({ publicHostnames: config.PUBLIC_HOSTNAMES, port: config.PORT, osmandPort: config.OSMAND_PORT })),
        positionRoutes(sessions, positions, teams),
        alarmRoutes(sessions, alarms),
        wallRoutes(sessions, layouts),
        ...board.apiRouters,
        dispatch.router,
        video.router,
      ],
      clientDir: findClientDir(),
      logger,
    });
    httpServer.on('request', app);
    const osmandServer = createOsmandServer(ingest);

    bus.subscribe(({ event }) => {
      if (event.type === 'team.created' || event.type === 'team.updated') teamNames.set(event.payload.team.id, event.payload.team.name);
      if (event.type === 'team.deleted') teamNames.delete(event.payload.teamId);
    });
    const watcher = new UnitSilenceWatcher({ hub: positions, alarms, teamName: (id) => teamNames.get(id), staleAfterMs: config.STALE_AFTER_SECONDS * 1000, checkEveryMs: Math.min(10_000, config.STALE_AFTER_SECONDS * 250), clock, logger });
    const actionPruner = new ActionPruner({ db: store.db, keepDays: config.ACTION_RETENTION_DAYS, logger, clock });
    const retention = new RetentionJob({ db: store.db, retentionDays: config.POSITION_RETENTION_DAYS, clock, logger });

    const services: AppServices = { store, users, sessions, teams, devices, alarms, positions, layouts, log, board: board.services };
    return new TidewatchApp(services, httpServer, osmandServer, realtime, [positions, watcher, retention, actionPruner, ...board.background, ...dispatch.background, ...video.background], logger);
  }

  start(): void {
    for (const part of this.background) part.start();
    const flushDevices = setInterval(() => void this.services.devices.flush().catch((err) => this.logger.warn({ err }, 'device telemetry flush failed')), 5_000);
    flushDevices.unref();
    this.timers.push(flushDevices);
  }

  /** Stops taking work, flushes buffered positions and device telemetry, closes the store. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const timer of this.timers) clearInterval(timer);
      this.osmandServer.close();
      await this.realtime.close();
      this.httpServer.closeAllConnections();
      for (const part of [...this.background].reverse()) await part.close();
      await this.services.devices.flush();
      await this.services.store.close();
    })();
    return this.closing;
  }
}
