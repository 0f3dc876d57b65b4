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
import { DEFAULT_THROTTLE_LIMITS, LoginThrottle } from './auth/login-throttle';
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
import { ProxyTrust } from './http/proxy-trust';
import { findClientDir } from './http/static-client';
import { servedBuildId } from './versions/build-info';
import { protocolGate } from './versions/client-protocol';
import { clientConfigRoute } from './versions/config-route';
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
import { SnapshotCoalescer } from './sync/snapshot-coalescer';
import { SnapshotService } from './sync/snapshot-service';
import { teamRoutes } from './teams/routes';
import { TeamService } from './teams/team-service';
import { redirectRemotePlainHttp } from './tls/https-redirect';
import { WallLayoutService } from './wall/wall-layout-service';
import { wallRoutes } from './wall/routes';
import { createVideoModule } from './video/video-module';
import { createSensorsModule } from './sensors/sensors-module';
import { stationRoutes } from './sensors/routes';
import type { StationService } from './sensors/station-service';
import { IntervalJob, SINGLE_INSTANCE_LOCK } from './jobs/interval-job';
import { DEFAULT_REQUEST_LIMITS } from './realtime/request-gate';

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
  stations: StationService;
}

/**
 * The composition root: builds every service from the config, wires them together and owns their
 * lifetimes. Ownership runs down from here; `close()` tears down in reverse and is idempotent.
 */
export class TidewatchApp {
  private closing: Promise<void> | null = null;

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
    const sessions = new SessionService(store.db, transactor, new LoginThrottle({ ...DEFAULT_THROTTLE_LIMITS, perAccountAddress: config.LOGIN_FAILURES_PER_ACCOUNT_ADDRESS, perAddress: config.LOGIN_FAILURES_PER_ADDRESS, freeFailures: config.LOGIN_FREE_FAILURES }), lifetimes, clock);
    const teams = new TeamService(store.db, transactor, clock);
    const devices = new DeviceService(store.db, transactor, clock, store.background);
    const alarms = new AlarmService(store.db, transactor, clock);
    const layouts = new WallLayoutService(store.db, transactor);
    // Jobs that change shared state run on the instance holding their lock (always this one, until clustering).
    const jobLock = SINGLE_INSTANCE_LOCK;
    const board = createIncidentBoard({ db: store.db, transactor, sessions, alarms, dataDir: config.dataDir, fieldReportsPerMinute: config.FIELD_REPORTS_PER_MINUTE, logger, clock, jobLock });
    const snapshots = new SnapshotService(store.readDb, store.dialect, log, alarms, layouts, { readDevices: (db) => devices.list(db), readIncidentBoard: (db) => board.readSnapshotLists(db), readDispatches: (db, viewer) => dispatch.readSnapshot(db, viewer) });

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
    const dispatch = createDispatchModule({ db: store.db, transactor, alarms, sessions, config, latestFix: (id) => positions.latestFor(id), acceptFieldFix, logger, clock, jobLock });
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
    const sensors = await createSensorsModule({ db: store.db, transactor, config, io: () => realtime?.io ?? null, logger, clock, jobLock, alarms, incidents: board.services.incidents });
    // Tablet positions (not the SOS position, which goes through acceptFieldFix directly) are limited per tablet.
    const tabletPositions = new WriteLimiter({ burst: config.TABLET_POSITIONS_PER_MINUTE, perMinute: config.TABLET_POSITIONS_PER_MINUTE, clock });
    const acceptTabletFix = (principal: Principal, fieldFix: FieldFix): Promise<boolean> => {
      tabletPositions.take(principal.sessionId);
      return acceptFieldFix(principal, fieldFix);
    };
    const sharedSnapshots = new SnapshotCoalescer((viewer) => snapshots.build(viewer));
    const proxyTrust = new ProxyTrust(config.TRUSTED_PROXIES);
    const transport = { trust: proxyTrust, plainHttpFieldSockets: config.PLAIN_HTTP_FIELD_SOCKETS };
    realtime = new RealtimeServer({ httpServer, minClientProtocol: config.MIN_CLIENT_PROTOCOL, requestLimits: { ...DEFAULT_REQUEST_LIMITS, pointsPerMinute: config.SOCKET_REQUESTS_PER_MINUTE }, sessions, log, bus, snapshots: sharedSnapshots, positions, alarms, acceptFieldFix: acceptTabletFix, logger, clock, transport });
    realtime.io.on('connection', (socket) => dispatch.registerSocket(socket));
    realtime.io.on('connection', (socket) => board.registerSocket(socket));
    realtime.io.on('connection', (socket) => video.registerSocket(socket));

    const teamNames = new Map((await teams.list()).map((t) => [t.id, t.name]));
    const ingest = { devices, hub: positions, logger, clock, raiseSos: trackerSos(alarms, (id) => teamNames.get(id)) };
    const health = Router().get('/health', async (_req, res) => {
      const seq = await log.currentSeq();
      res.json({ ok: true, data: { status: 'ok', store: store.dialect, seq } });
    });
    const clientDir = findClientDir();
    const publicConfig = clientConfigRoute(config, servedBuildId(clientDir));
    const app = createHttpApp({
      root: [redirectRemotePlainHttp({ exemptPrefixes: ['/ingest', '/health', '/socket.io'], trust: proxyTrust }) as unknown as Router, protocolGate(config.MIN_CLIENT_PROTOCOL), health, ingestRoutes(ingest), ...board.rootRouters],
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
        stationRoutes(sessions, sensors),
      ],
      clientDir,
      logger,
      proxyTrust,
    });
    httpServer.on('request', app);
    const osmandServer = createOsmandServer(ingest);

    bus.subscribe(({ event }) => {
      if (event.type === 'team.created' || event.type === 'team.updated') teamNames.set(event.payload.team.id, event.payload.team.name);
      if (event.type === 'team.deleted') teamNames.delete(event.payload.teamId);
    });
    const watcher = new UnitSilenceWatcher({ hub: positions, alarms, teamName: (id) => teamNames.get(id), staleAfterMs: config.STALE_AFTER_SECONDS * 1000, checkEveryMs: Math.min(10_000, config.STALE_AFTER_SECONDS * 250), clock, logger, lock: jobLock });
    const actionPruner = new ActionPruner({ db: store.db, keepDays: config.ACTION_RETENTION_DAYS, logger, clock, lock: jobLock });
    const retention = new RetentionJob({ db: store.db, retentionDays: config.POSITION_RETENTION_DAYS, clock, logger, lock: jobLock });
    // Buffered telemetry is this instance's own: every instance flushes it.
    const deviceFlush = new IntervalJob({ name: 'device-telemetry-flush', everyMs: 5_000, pass: () => devices.flush(), whileRunning: 'join', runAtStart: false, logger });

    const services: AppServices = { store, users, sessions, teams, devices, alarms, positions, layouts, log, board: board.services, stations: sensors.stations };
    return new TidewatchApp(services, httpServer, osmandServer, realtime, [positions, watcher, retention, actionPruner, deviceFlush, ...board.background, ...dispatch.background, ...video.background, ...sensors.background], logger);
  }

  start(): void {
    for (const part of this.background) part.start();
  }

  /** Stops taking work, flushes buffered positions and device telemetry, closes the store. */
  close(): Promise<void> {
    this.closing ??= (async () => {
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
