import type { Router } from 'express';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Server } from 'socket.io';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import type { IncidentCreateSchema } from '../../shared/schemas/incident';
import type { IngestStatus, Reading } from '../../shared/schemas/sensor-reading';
import type { Station } from '../../shared/schemas/station';
import { ROOMS } from '../../shared/socket';
import type { AlarmService } from '../alarms/alarm-service';
import type { Config } from '../config/config';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';
import type { Authenticator } from '../http/contract-router';
import type { JobLock } from '../jobs/interval-job';
import type { Logger } from '../logger';
import type { BackgroundJob, ModuleParts } from '../module';
import { GaugeAlarms } from './gauge-alarms';
import { MqttIngest } from './mqtt-ingest';
import { ReadingRetentionJob } from './reading-retention';
import { readingsSince, readReadings } from './reading-store';
import { stationRoutes } from './routes';
import type { IngestPaths, SensorsServices } from './sensors-services';
import { SensorIngest } from './sensor-ingest';
import { Sl651Listener } from './sl651-listener';
import { StationLive } from './station-live';
import { stationSeries } from './station-series';
import { StationService } from './station-service';

export interface SensorsModuleDeps {
  db: Kysely<Database>;
  transactor: Transactor;
  sessions: Authenticator;
  config: Pick<Config, 'MQTT_URL' | 'MQTT_CLIENT_ID' | 'MQTT_SHARED' | 'MQTT_CONNECTIONS' | 'MQTT_SHARE_GROUP' | 'MQTT_SESSION_EXPIRY_SECONDS' | 'SL651_PORT' | 'HOST' | 'READING_RETENTION_DAYS' | 'SENSOR_PUSH_MS'>;
  /** The Socket.IO server once it exists (states are pushed to the board room). */
  io: () => Server | null;
  logger: Logger;
  clock: () => number;
  jobLock: JobLock;
  alarms: Pick<AlarmService, 'raise' | 'clear'>;
  /** The incident service's create: a guaranteed level or red rain drafts an incident (监测预警) to verify. */
  incidents: { create(data: z.output<typeof IncidentCreateSchema>, actor: typeof SYSTEM_ACTOR): Promise<unknown> };
}

const DAY_MS = 24 * 3_600_000;

export interface SensorsModule extends SensorsServices, ModuleParts {
  routes: Router[];
  jobs: BackgroundJob[];
}

/**
 * Gauges (物联感知): the station registry, both ingest paths (MQTT when MQTT_URL is set, SL 651 over TCP when
 * SL651_PORT is set), stored readings, live states pushed to the board, and reading retention.
 *
 * The storm-driven simulator (SIMULATE=1, server/simulate/gauge-simulation.ts) calls
 * `ingest.accept(stationId, 'simulated', readings)` per station and report, exactly as the ingest paths do;
 * thresholds, pushes and alarms then follow by themselves.
 */
export async function createSensorsModule(deps: SensorsModuleDeps): Promise<SensorsModule> {
  const { db, config, logger, clock } = deps;
  const stations = new StationService(db, deps.transactor, clock);
  const gaugeAlarms = new GaugeAlarms({ alarms: deps.alarms, draftIncident: (incident) => deps.incidents.create(incident, SYSTEM_ACTOR), logger, clock });
  // While the last day is replayed at boot, standings are rebuilt without raising (open alarms stay open).
  let replaying = true;
  const live = new StationLive({
    clock,
    pushIntervalMs: config.SENSOR_PUSH_MS,
    publish: (states) => deps.io()?.to(ROOMS.board).emit('stations:batch', states),
    onStandingChange: (change) => {
      if (!replaying) gaugeAlarms.onChange(change);
    },
  });
  const byCode = new Map<string, Station>();
  const byAddress = new Map<string, Station>();
  const index = (station: Station) => {
    for (const map of [byCode, byAddress]) for (const [key, s] of map) if (s.id === station.id) map.delete(key);
    byCode.set(station.code, station);
    if (station.sl651) byAddress.set(station.sl651.address, station);
    live.setStation(station);
  };
  for (const station of await stations.list()) index(station);
  stations.onChange((change) => {
    if ('station' in change) {
      index(change.station);
      if (change.station.maintenance) gaugeAlarms.quiet(change.station.id);
    } else {
      gaugeAlarms.quiet(change.removedId);
      for (const map of [byCode, byAddress]) for (const [key, s] of map) if (s.id === change.removedId) map.delete(key);
      live.removeStation(change.removedId);
    }
  });
  await replayLastDay(db, live, clock());
  replaying = false;

  const ingest = new SensorIngest({ db, live, clock, logger });
  const mqtt = config.MQTT_URL
    ? new MqttIngest({ url: config.MQTT_URL, clientId: config.MQTT_CLIENT_ID, shared: config.MQTT_SHARED, connections: config.MQTT_CONNECTIONS, shareGroup: config.MQTT_SHARE_GROUP ?? config.MQTT_CLIENT_ID, sessionExpirySeconds: config.MQTT_SESSION_EXPIRY_SECONDS, stationByCode: (code) => byCode.get(code), ingest, logger, clock })
    : null;
  const sl651 = config.SL651_PORT !== undefined ? new Sl651Listener({ port: config.SL651_PORT, host: config.HOST, stationByAddress: (a) => byAddress.get(a), ingest, logger, clock }) : null;
  let sl651Port: number | null = null;
  const retention = new ReadingRetentionJob({ db, retentionDays: config.READING_RETENTION_DAYS, logger, clock, lock: deps.jobLock });

  const ingestPaths: IngestPaths = {
    listening: null,
    start() {
      live.start();
      mqtt?.start();
      this.listening = sl651
        ? sl651.listen().then(
            (port) => (sl651Port = port),
            (error: unknown) => {
              logger.error({ err: error, port: config.SL651_PORT }, 'SL 651 listener could not start');
              return null;
            },
          )
        : Promise.resolve(null);
    },
    async close() {
      await mqtt?.close();
      await sl651?.close();
      await ingest.flush();
      live.stop();
    },
  };

  const services: SensorsServices = {
    stations,
    live,
    ingest,
    mqtt,
    sl651,
    ingestPaths,
    gaugeAlarms,
    status(): IngestStatus {
      return {
        mqtt: mqtt?.status() ?? { enabled: false, connected: false, url: null, topics: [] },
        sl651: sl651?.status(sl651Port) ?? { enabled: false, port: null, connections: 0, frames: 0, confirmations: 0, corruptFrames: 0, garbageBytes: 0, unknownStations: [] },
        readingsStored: ingest.readingsStored,
        duplicatesIgnored: ingest.duplicatesIgnored,
      };
    },
    async readings(stationId, query) {
      await stations.get(stationId);
      const to = query.to ?? clock();
      return readReadings(db, stationId, { from: query.from ?? to - DAY_MS, to, ...(query.element ? { element: query.element } : {}), limit: query.limit });
    },
    async series(stationId, hours) {
      return stationSeries(db, await stations.get(stationId), hours, clock());
    },
  };
  return { ...services, routes: [stationRoutes(deps.sessions, services)], jobs: [ingestPaths, retention] };
}

/** Rebuilds rolling rain and latest values from the last day's readings, message by message. */
async function replayLastDay(db: Kysely<Database>, live: StationLive, now: number): Promise<void> {
  const messages = new Map<string, Reading[]>();
  for (const reading of await readingsSince(db, now - DAY_MS)) {
    const key = `${reading.stationId}\u0000${reading.observedAt}`;
    const list = messages.get(key);
    if (list) list.push(reading);
    else messages.set(key, [reading]);
  }
  for (const readings of messages.values()) live.apply(readings[0]!.stationId, readings, readings[0]!.observedAt);
  live.flush();
}
