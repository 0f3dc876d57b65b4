import mqtt, { type MqttClient } from 'mqtt';
import type { IngestStatus } from '../../shared/schemas/sensor-reading';
import type { Station } from '../../shared/schemas/station';
import type { Logger } from '../logger';
import { parsePayload, sharedTopicFilter, stationCodeOf, TOPIC_FILTER } from './mqtt-payload';
import type { SensorIngest } from './sensor-ingest';

type TopicCounters = IngestStatus['mqtt']['topics'][number];

/** Topics counted one by one; beyond this (a misconfigured fleet) they share one line. */
const MAX_TOPICS = 1_000;
/** MQTT_CONNECTIONS' upper bound: sessions up to this index are ended when not in use. */
const MAX_CONNECTIONS = 16;
const OTHER_TOPICS = '(other topics)';

export interface MqttIngestOptions {
  url: string;
  clientId: string;
  /** Subscribe through `$share/tidewatch/…` so several instances split the messages (MQTT 5). */
  shared: boolean;
  /**
   * Connections of this instance. mqtt.js handles one message per connection at a time (the next waits for the
   * PUBACK, sent once stored), so several connections, sharing the subscription, keep several stores in flight.
   */
  connections: number;
  /** The shared subscription's group: every connection of every instance of one deployment. */
  shareGroup: string;
  sessionExpirySeconds: number;
  stationByCode: (code: string) => Station | undefined;
  ingest: SensorIngest;
  logger: Logger;
  clock: () => number;
}

/**
 * Subscribes to `tidewatch/stations/<code>/telemetry` with QoS 1 in a persistent session (fixed client id,
 * clean start off, a session that outlives a disconnect), so the broker keeps what arrives while we are away.
 * A message is acknowledged (PUBACK) only after its readings are stored; unknown stations and bad payloads are
 * acknowledged too (a resend would not fix them) and counted per topic for the admins.
 */
export class MqttIngest {
  private clients: MqttClient[] = [];
  private closed = false;
  private readonly counters = new Map<string, TopicCounters>();

  constructor(private readonly options: MqttIngestOptions) {}

  start(): void {
    if (this.clients.length) return;
    const { connections, clientId } = this.options;
    const ids = connections === 1 ? [clientId] : Array.from({ length: connections }, (_, i) => `${clientId}-${i}`);
    // Sessions of connections we no longer open would stay members of the shared group and take their share
    // of the messages until they expire: end them first.
    const stale = [clientId, ...Array.from({ length: MAX_CONNECTIONS }, (_, i) => `${clientId}-${i}`)].filter((id) => !ids.includes(id));
    void this.endSessions(stale).finally(() => {
      if (this.closed) return;
      for (const id of ids) this.clients.push(this.connect(id));
    });
  }

  private async endSessions(clientIds: string[]): Promise<void> {
    await Promise.all(
      clientIds.map(async (clientId) => {
        try {
          const client = await mqtt.connectAsync(this.options.url, { clientId, clean: true, protocolVersion: 5, properties: { sessionExpiryInterval: 0 }, reconnectPeriod: 0, connectTimeout: 5_000 });
          await client.endAsync();
        } catch (error) {
          this.options.logger.warn({ err: error, clientId }, 'could not end an old gauge MQTT session');
        }
      }),
    );
  }

  private connect(clientId: string): MqttClient {
    const { url, logger } = this.options;
    const shared = this.options.shared || this.options.connections > 1;
    const client = mqtt.connect(url, {
      clientId,
      clean: false,
      protocolVersion: 5,
      properties: { sessionExpiryInterval: this.options.sessionExpirySeconds },
      reconnectPeriod: 2_000,
      connectTimeout: 10_000,
      customHandleAcks: (topic, payload, _packet, done) => {
        this.handle(topic, payload).then(
          () => done(0),
          (error: unknown) => {
            // Not acknowledged: the broker sends it again after we reconnect.
            logger.error({ err: error, topic }, 'gauge message not stored; reconnecting for a redelivery');
            done(error instanceof Error ? error : new Error(String(error)));
            setTimeout(() => client.reconnect(), 1_000).unref();
          },
        );
      },
    });
    client.on('connect', (connack) => {
      logger.info({ url: redact(url), clientId, sessionPresent: connack.sessionPresent }, 'gauge MQTT connected');
      client.subscribe(shared ? sharedTopicFilter(this.options.shareGroup) : TOPIC_FILTER, { qos: 1 }, (error) => {
        if (error) logger.error({ err: error }, 'gauge MQTT subscribe failed');
      });
    });
    client.on('error', (error) => logger.warn({ err: error, clientId }, 'gauge MQTT error'));
    return client;
  }

  get connected(): boolean {
    return this.clients.length > 0 && this.clients.every((c) => c.connected);
  }

  /** One message: parse, find the station, store; resolves once stored. Exposed for the tests. */
  async handle(topic: string, payload: Buffer): Promise<void> {
    const counters = this.countersFor(topic);
    counters.lastAt = this.options.clock();
    const code = stationCodeOf(topic);
    const station = code === null ? undefined : this.options.stationByCode(code);
    if (!station) {
      counters.unknownStation += 1;
      counters.lastProblem = code === null ? 'not a telemetry topic' : `no station with code ${code}`;
      return;
    }
    const parsed = parsePayload(payload);
    if (!parsed.ok) {
      counters.badPayload += 1;
      counters.lastProblem = parsed.problem;
      return;
    }
    if (parsed.ignoredElements.length) counters.lastProblem = `unknown elements ignored: ${parsed.ignoredElements.join(', ')}`;
    await Promise.all(parsed.messages.map((readings) => this.options.ingest.accept(station.id, 'mqtt', readings)));
    counters.accepted += 1;
  }

  status(): IngestStatus['mqtt'] {
    return { enabled: true, connected: this.connected, url: redact(this.options.url), topics: [...this.counters.values()].map((c) => ({ ...c })) };
  }

  async close(): Promise<void> {
    this.closed = true;
    const clients = this.clients;
    this.clients = [];
    await Promise.all(clients.map((c) => c.endAsync()));
  }

  private countersFor(topic: string): TopicCounters {
    const key = this.counters.has(topic) || this.counters.size < MAX_TOPICS ? topic : OTHER_TOPICS;
    let counters = this.counters.get(key);
    if (!counters) {
      counters = { topic: key, accepted: 0, unknownStation: 0, badPayload: 0, lastProblem: null, lastAt: null };
      this.counters.set(key, counters);
    }
    return counters;
  }
}

/** The broker URL without a password, for the admin page. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '****';
    return parsed.toString();
  } catch {
    return 'mqtt://?';
  }
}
