import http from 'node:http';
import path from 'node:path';
import type { Router } from 'express';
import type { Logger } from 'pino';
import { createActionsModule } from './actions/actions-module';
import type { AlarmService } from './alarms/alarm-service';
import { createAlarmsModule } from './alarms/alarms-module';
import { createAuthModule } from './auth/auth-module';
import type { SessionService } from './auth/session-service';
import type { UserService } from './auth/user-service';
import { createClusterModule, eventChannelFor } from './cluster/cluster-module';
import type { Config } from './config/config';
import { openStore, type Store } from './db/database';
import type { DeviceService } from './devices/device-service';
import { createDevicesModule } from './devices/devices-module';
import { createDispatchModule } from './dispatch/dispatch-module';
import { createDutyModule, type DutyServices } from './duty/duty-module';
import { EventBus } from './events/event-bus';
import { EventLog } from './events/event-log';
import { Transactor } from './events/transactor';
import { createBasemapModule } from './basemap/basemap-module';
import { healthRoutes } from './http/health';
import { createHttpApp } from './http/http-app';
import { ProxyTrust } from './http/proxy-trust';
import { findClientDir } from './http/static-client';
import { createIncidentsModule, type IncidentServices } from './incidents/incidents-module';
import { createIngestModule } from './ingest/ingest-module';
import type { BackgroundJob, ModuleParts } from './module';
import { createOverviewModule } from './overview/overview-module';
import type { OverviewService } from './overview/overview-service';
import type { PositionHub } from './positions/position-hub';
import { createPositionsModule } from './positions/positions-module';
import { RealtimeServer } from './realtime/realtime-server';
import { DEFAULT_REQUEST_LIMITS } from './realtime/request-gate';
import { createSheltersModule, type ShelterServices } from './shelters/shelters-module';
import { createSuppliesModule, type SupplyServices } from './supplies/supplies-module';
import { SnapshotCoalescer } from './sync/snapshot-coalescer';
import { SnapshotService } from './sync/snapshot-service';
import type { TeamService } from './teams/team-service';
import { createTeamsModule } from './teams/teams-module';
import { redirectRemotePlainHttp } from './tls/https-redirect';
import { createVersionsModule } from './versions/versions-module';
import type { StormService } from './typhoon/storm-service';
import { createTyphoonModule } from './typhoon/typhoon-module';
import { createWarningsModule, type WarningsModule } from './warnings/warnings-module';
import { createSensorsModule } from './sensors/sensors-module';
import type { SensorsServices } from './sensors/sensors-services';
import type { StationService } from './sensors/station-service';
import { createReviewModule } from './review/review-module';
import { createVideoModule } from './video/video-module';
import { createResponseModule, type ResponseModule } from './response/response-module';
import { suggestionSources } from './response/suggestion-sources';
import { createWallModule } from './wall/wall-module';
import type { WallLayoutService } from './wall/wall-layout-service';

export interface AppServices {
  store: Store;
  log: EventLog;
  users: UserService;
  sessions: SessionService;
  teams: TeamService;
  devices: DeviceService;
  alarms: AlarmService;
  positions: PositionHub;
  layouts: WallLayoutService;
  incidents: IncidentServices;
  shelters: ShelterServices;
  supplies: SupplyServices;
  duty: DutyServices;
  overview: OverviewService;
  typhoons: StormService;
  warnings: WarningsModule['services'];
  stations: StationService;
  responses: ResponseModule['services'];
  sensors: SensorsServices;
}

/**
 * The composition root: builds each domain's module from the config in dependency order, hands their routers,
 * socket handlers and snapshot readers to the HTTP app, the socket server and the snapshot service, and owns
 * their jobs' lifetimes. `close()` tears down in reverse and is idempotent.
 */
export class TidewatchApp {
  private closing: Promise<void> | null = null;

  private constructor(
    readonly services: AppServices,
    readonly httpServer: http.Server,
    readonly osmandServer: http.Server,
    private readonly realtime: RealtimeServer,
    private readonly jobs: BackgroundJob[],
    private readonly logger: Logger,
  ) {}

  static async create(config: Config, logger: Logger, clock: () => number = Date.now): Promise<TidewatchApp> {
    const store = await openStore({
      databaseUrl: config.DATABASE_URL,
      schema: config.DATABASE_SCHEMA,
      sqliteFile: path.join(config.dataDir, 'tidewatch.sqlite'),
    });
    const { db } = store;
    const log = new EventLog(db, clock, eventChannelFor(config));
    const bus = new EventBus(await log.currentSeq(), (from, to) => log.readRange(from, to), (err) => logger.error({ err }, 'event delivery failed'));
    const transactor = new Transactor(db, log, bus);
    const cluster = createClusterModule({ config, announce: (seq) => bus.announce(seq), currentSeq: () => log.currentSeq(), logger });
    // Jobs that change shared state run on the instance holding their lock (in cluster mode one instance per job).
    const { jobLock, limiters } = cluster;
    // Modules that push to sockets are built before the socket server; they reach it through this.
    let realtime: RealtimeServer | null = null;

    const auth = createAuthModule({ db, transactor, config, clock, limiters });
    const { sessions } = auth;
    const teams = await createTeamsModule({ db, transactor, bus, sessions, clock });
    const devices = createDevicesModule({ db, transactor, background: store.background, sessions, config, logger, clock });
    const positions = await createPositionsModule({ store, sessions, teams: teams.teams, config, publish: (fixes) => {
        realtime?.publishPositions(fixes);
        cluster.positionRelay?.send(fixes);
      }, logger, clock, jobLock, limiters });
    cluster.positionRelay?.start((fixes) => {
      positions.positions.mergeRemote(fixes);
      realtime?.publishPositions(fixes);
    });
    const alarms = createAlarmsModule({ db, transactor, sessions, hub: positions.positions, teamName: teams.teamName, config, logger, clock, jobLock });
    const actions = createActionsModule({ db, config, logger, clock, jobLock });
    const wall = createWallModule({ db, transactor, sessions });
    const domain = { db, transactor, sessions, alarms: alarms.alarms, clock };
    const incidents = createIncidentsModule({ ...domain, dataDir: config.dataDir, fieldReportsPerMinute: config.FIELD_REPORTS_PER_MINUTE, logger, jobLock, limiters });
    const shelters = createSheltersModule(domain);
    const supplies = createSuppliesModule(domain);
    const duty = createDutyModule(domain);
    const overview = createOverviewModule({ db, sessions, clock });
    const dispatch = createDispatchModule({ ...domain, config, latestFix: (id) => positions.positions.latestFor(id), tabletOnline: (id) => (realtime?.teamConnected(id) ?? false) || (cluster.tabletPresence?.connectedElsewhere(id) ?? false), acceptFieldFix: positions.acceptFieldFix, logger, jobLock });
    const teamName = async (id: string) => (await teams.teams.get(id)).name;
    const video = await createVideoModule({ db, transactor, bus, sessions, config, teamName, io: () => realtime?.io ?? null, logger, clock });
    const ingest = createIngestModule({ devices: devices.devices, hub: positions.positions, alarms: alarms.alarms, teamName: teams.teamName, logger, clock, limiters });
    const typhoon = createTyphoonModule({ db, transactor, sessions, config, logger, clock, jobLock });
    const warnings = createWarningsModule({ db, transactor, alarms: alarms.alarms, sessions, config, logger, clock, jobLock, limiters });
    const sensors = await createSensorsModule({ db, transactor, sessions, config, io: () => realtime?.io ?? null, logger, clock, jobLock, alarms: alarms.alarms, incidents: incidents.services.incidents });
    const response = createResponseModule({
      db,
      transactor,
      sessions,
      alarms: alarms.alarms,
      ports: {
        createDispatch: (tx, record, data, actor) => dispatch.dispatches.createWithin(tx, record, data, actor),
        findDispatch: (tx, id) => dispatch.dispatches.findWithin(tx, id),
        cancelDispatch: (tx, record, id, reason, actor) => dispatch.dispatches.cancelWithin(tx, record, id, reason, actor),
        openShelter: async (tx, record, id, actor, exercise) => void (await shelters.services.shelters.setStatusWithin(tx, record, id, { status: 'open', exercise }, actor)),
        draftWarning: async (tx, record, data, actor, drillContactIds) => (await warnings.services.warnings.draftWithin(tx, record, data, actor, drillContactIds)).id,
        setWallLayout: (tx, record, layout, actor) => wall.layouts.setWithin(tx, record, layout, actor),
        queueLinks: (tx, subject, contacts, role, backupFor) => warnings.services.links.queueLinks(tx, subject, contacts, role, backupFor),
      },
      recipients: warnings.services.recipients,
      sources: suggestionSources(typhoon.storms, warnings.services.warnings),
      linksQueued: warnings.sendNow,
      logger,
      clock,
      jobLock,
    });
    const review = createReviewModule({ db: store.readDb, sessions, clock });
    const clientDir = config.CLIENT_DIR ?? findClientDir();
    const basemap = await createBasemapModule({ config, logger });
    const versions = createVersionsModule({ config, clientDir, basemaps: basemap.basemaps });
    // Dependency order: routers mount and jobs start in this order; jobs close in reverse (the cluster's locks last).
    const modules: ModuleParts[] = [cluster, versions, basemap, auth, teams, devices, positions, alarms, actions, wall, incidents, shelters, supplies, duty, overview, dispatch, video, ingest, typhoon, warnings, sensors, response, review];

    const snapshots = new SnapshotService(store.readDb, store.dialect, log, alarms.alarms, wall.layouts, {
      readDevices: devices.readSnapshot,
      readContacts: warnings.readContacts,
      readDispatches: dispatch.readSnapshot,
      readSituationParts: [incidents.readSnapshot, shelters.readSnapshot, supplies.readSnapshot, duty.readSnapshot, typhoon.readSnapshot, warnings.readSnapshot, response.readSnapshot],
    });
    const httpServer = http.createServer();
    const proxyTrust = new ProxyTrust(config.TRUSTED_PROXIES);
    const transport = { trust: proxyTrust, plainHttpFieldSockets: config.PLAIN_HTTP_FIELD_SOCKETS };
    const requestLimits = { ...DEFAULT_REQUEST_LIMITS, pointsPerMinute: config.SOCKET_REQUESTS_PER_MINUTE };
    const sharedSnapshots = new SnapshotCoalescer((viewer) => snapshots.build(viewer));
    const realtimeServer = new RealtimeServer({ httpServer, minClientProtocol: config.MIN_CLIENT_PROTOCOL, requestLimits, sessions, log, bus, snapshots: sharedSnapshots, positions: positions.positions, alarms: alarms.alarms, acceptFieldFix: positions.acceptTabletFix, logger, clock, transport, limiters, adapter: cluster.socketAdapter });
    realtime = realtimeServer;
    cluster.tabletPresence?.start(realtimeServer);
    for (const { registerSocket } of modules) if (registerSocket) realtimeServer.io.on('connection', (socket) => registerSocket(socket));

    const redirect = redirectRemotePlainHttp({ exemptPrefixes: ['/ingest', '/health', '/socket.io'], trust: proxyTrust }) as unknown as Router;
    const app = createHttpApp({
      root: [redirect, healthRoutes(store, log, { jobsHeld: cluster.jobsHeld, sockets: () => realtimeServer.io.engine.clientsCount }), ...modules.flatMap((m) => m.rootRoutes ?? [])],
      api: modules.flatMap((m) => m.routes ?? []),
      clientDir,
      logger,
      proxyTrust,
      imgSources: basemap.imgSources,
    });
    httpServer.on('request', app);

    const services: AppServices = {
      store,
      log,
      users: auth.users,
      sessions,
      teams: teams.teams,
      devices: devices.devices,
      alarms: alarms.alarms,
      positions: positions.positions,
      layouts: wall.layouts,
      incidents: incidents.services,
      shelters: shelters.services,
      supplies: supplies.services,
      duty: duty.services,
      overview: overview.overview,
      typhoons: typhoon.storms,
      warnings: warnings.services,
      stations: sensors.stations,
      responses: response.services,
      sensors,
    };
    return new TidewatchApp(services, httpServer, ingest.osmandServer, realtimeServer, modules.flatMap((m) => m.jobs ?? []), logger);
  }

  start(): void {
    for (const job of this.jobs) job.start();
  }

  /** Stops taking work, closes the jobs (which flush buffered positions and device telemetry), closes the store. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.osmandServer.close();
      await this.realtime.close();
      this.httpServer.closeAllConnections();
      for (const job of [...this.jobs].reverse()) await job.close();
      await this.services.store.close();
    })();
    return this.closing;
  }
}
