import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { passwordProblem } from '../../shared/passwords/password-rules';
import { BasemapsSetting, TiandituKey } from '../basemap/basemap-config';
import { WARNING_CONFIG } from '../warnings/warning-config';

const port = z.coerce.number().int().min(1).max(65_535);
const seconds = z.coerce.number().int().min(1);
const portRange = z
  .string()
  .regex(/^\d+-\d+$/, 'a port range like 40000-40999')
  .transform((v) => {
    const [min, max] = v.split('-').map(Number) as [number, number];
    return { min, max };
  })
  .refine(({ min, max }) => min >= 1024 && max <= 65_535 && min < max, 'ports between 1024 and 65535, low-high');

/** Environment variables, validated once at boot. */
export const ConfigSchema = z.object({
  PORT: port.default(8080),
  OSMAND_PORT: port.default(5055),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  /** The built client to serve (a Vite outDir); unset: dist/client beside the server. */
  CLIENT_DIR: z
    .string()
    .transform((dir) => path.resolve(dir))
    .refine((dir) => fs.existsSync(path.join(dir, 'index.html')), 'a directory holding a built client (its index.html), e.g. dist/client')
    .optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).optional(),
  /** With DATABASE_URL (PostgreSQL): cluster mode, several instances behind a load balancer (README "Several instances"). */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Prefix of this deployment's Redis keys and streams (several deployments may share one Redis). */
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_:-]{1,64}$/).default('tidewatch'),
  TLS_CERT: z.string().optional(),
  TLS_KEY: z.string().optional(),
  PUBLIC_HOSTNAMES: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((h) => h.trim()).filter(Boolean)),
  /** Reverse proxies (addresses or subnets) whose X-Forwarded-For / X-Forwarded-Proto are believed. */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((h) => h.trim()).filter(Boolean))
    .pipe(z.array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], { error: 'IP addresses or subnets like 10.0.0.0/24, comma separated' }))),
  /** Lets field tablets that cannot trust the local CA keep a socket over plain HTTP from the LAN. */
  PLAIN_HTTP_FIELD_SOCKETS: z.enum(['on', 'off']).default('off').transform((v) => v === 'on'),
  ADMIN_PASSWORD: z
    .string()
    .min(10, 'ADMIN_PASSWORD must be at least 10 characters')
    .refine((p) => passwordProblem(p) === null, 'ADMIN_PASSWORD is too easy to guess (a common password, only blanks or one character repeated)')
    .optional(),
  SEED: z.enum(['demo', 'none']).default('demo'),
  SIMULATE: z.enum(['0', '1']).default('0').transform((v) => v === '1'),
  /** With SIMULATE=1: the storm time the gauge simulation starts at (a past storm, e.g. the seeded Lekima, then drives the gauges); unset: now. */
  SIMULATE_STORM_CLOCK: z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)).optional(),
  /** With SIMULATE=1: storm time per real time (60: a storm-hour a minute, for a quick drill). */
  SIMULATE_SPEED: z.coerce.number().min(1).max(3_600).default(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  POSITION_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  /** Gauges: the MQTT broker to subscribe to (off when unset), e.g. mqtt://127.0.0.1:1883. */
  MQTT_URL: z.url({ protocol: /^mqtts?$/ }).optional(),
  /** The fixed client id of the persistent MQTT session (QoS 1 messages queued while we were away). */
  MQTT_CLIENT_ID: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).default('tidewatch'),
  /** `on` subscribes through the shared subscription $share/tidewatch/… (MQTT 5) so several instances split the load. */
  MQTT_SHARED: z.enum(['on', 'off']).default('off').transform((v) => v === 'on'),
  /** The shared subscription's group ($share/<group>/…): the same for every instance of one deployment; default MQTT_CLIENT_ID. */
  MQTT_SHARE_GROUP: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  /** How long the broker keeps our session (and queues QoS 1 messages) while we are away. */
  MQTT_SESSION_EXPIRY_SECONDS: z.coerce.number().int().min(60).max(4_294_967_295).default(7 * 24 * 3_600),
  /** Subscriber connections of this instance (each acknowledges one message at a time after storing it); above 1 they share the subscription. */
  MQTT_CONNECTIONS: z.coerce.number().int().min(1).max(16).default(4),
  /** Gauges: TCP port of the SL 651-2014 listener (off when unset). */
  SL651_PORT: port.optional(),
  /** Gauge readings older than this are deleted. */
  READING_RETENTION_DAYS: z.coerce.number().int().min(7).default(400),
  /** Changed gauge states are pushed at most this often. */
  SENSOR_PUSH_MS: z.coerce.number().int().min(20).max(2_000).default(200),
  /** How long a tablet's action id is remembered, so a late retry is not applied twice. */
  ACTION_RETENTION_DAYS: z.coerce.number().int().min(7).default(30),
  STALE_AFTER_SECONDS: seconds.default(120),
  DISPATCH_DELIVERY_TIMEOUT_SECONDS: seconds.default(60),
  DISPATCH_ACCEPT_TIMEOUT_SECONDS: seconds.default(300),
  POSITION_PUSH_MS: z.coerce.number().int().min(10).max(50).default(50),
  POSITION_FLUSH_MS: z.coerce.number().int().min(50).max(1000).default(500),
  /** Field reports one tablet may file at once, and then per minute (a test run raises it to fuzz the routes). */
  FIELD_REPORTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(10),
  /** Positions one tablet may send over its socket at once, and then per minute. */
  TABLET_POSITIONS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  /** Socket requests one signed-in session may make per minute (a full resync counts 20). */
  SOCKET_REQUESTS_PER_MINUTE: z.coerce.number().int().min(100).max(10_000_000).default(1_200),
  /** Wrong passwords for one account from one address before that pair is locked out for 15 minutes. */
  LOGIN_FAILURES_PER_ACCOUNT_ADDRESS: z.coerce.number().int().min(1).max(10_000_000).default(5),
  /** Wrong passwords from one address over all accounts in 15 minutes (a NATed command centre shares one). */
  LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000_000).default(300),
  /** Wrong passwords for one account (any address) before each further check is slowed down. */
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(0).max(10_000_000).default(3),
  SESSION_HOURS_ADMIN: seconds.default(12),
  SESSION_HOURS_COMMANDER: seconds.default(24),
  SESSION_HOURS_DUTY_OFFICER: seconds.default(24),
  SESSION_HOURS_FIELD: seconds.default(24 * 14),
  SESSION_HOURS_WALL: seconds.default(24 * 90),
  VIDEO: z.enum(['on', 'off']).default('on'),
  /** Cluster mode, on instances without the relay (VIDEO=off): the media node's own address (http://host:port), which answers their video requests. */
  VIDEO_MEDIA_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The mediasoup worker binary; setup records the one it built (see scripts/mediasoup-worker.mjs). */
  MEDIASOUP_WORKER_BIN: z.string().optional(),
  VIDEO_WORKERS: z.coerce.number().int().min(1).max(64).default(Math.max(1, os.availableParallelism())),
  /** The address browsers reach the relay on (WebRTC ICE candidates); the first LAN IPv4 when not set. */
  VIDEO_ANNOUNCED_IP: z.ipv4().optional(),
  VIDEO_LISTEN_IP: z.ipv4().default('0.0.0.0'),
  VIDEO_RTC_PORTS: portRange.default({ min: 40_000, max: 40_999 }),
  /** One port per RTMP camera (drones, body cameras push to it). */
  VIDEO_RTMP_PORTS: portRange.default({ min: 19_350, max: 19_449 }),
  FFMPEG_PATH: z.string().default('ffmpeg'),
  /** The oldest client protocol (shared/protocol.ts) that may start new work; older ones may only drain their outbox. */
  MIN_CLIENT_PROTOCOL: z.coerce.number().int().min(1).default(1),
  /** The Zhejiang typhoon site (or a mirror) to poll for active storms: `<url>/Api/TyhoonActivity`, `<url>/Api/TyphoonInfo/<tfid>`. Off when unset. */
  TYPHOON_FEED_URL: z.url({ protocol: /^https?$/ }).optional(),
  TYPHOON_FEED_MINUTES: z.coerce.number().int().min(1).max(180).default(10),
  /** How the Zhejiang JSON's four `|`-separated radii are read (server/typhoon/README.md). */
  TYPHOON_ZJ_QUADRANT_ORDER: z
    .string()
    .default('ne,se,sw,nw')
    .transform((s) => s.split(',').map((q) => q.trim().toLowerCase()))
    .refine((q) => q.length === 4 && ['ne', 'se', 'sw', 'nw'].every((x) => q.includes(x)), 'the four quadrants ne, se, sw, nw in some order, comma-separated')
    .transform((q) => q as ['ne' | 'se' | 'sw' | 'nw', 'ne' | 'se' | 'sw' | 'nw', 'ne' | 'se' | 'sw' | 'nw', 'ne' | 'se' | 'sw' | 'nw']),
  /** A 天地图 browser key: offers 天地图 vector and imagery as basemaps (README "Basemaps"). */
  TIANDITU_KEY: TiandituKey.optional(),
  /** Other basemaps, a JSON array: XYZ or WMTS services, or a tile folder / MBTiles / PMTiles this server serves. */
  BASEMAPS: BasemapsSetting.optional().transform((v) => v ?? []),
  ...WARNING_CONFIG,
});

export type Config = z.infer<typeof ConfigSchema> & { dataDir: string };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (Boolean(parsed.data.TLS_CERT) !== Boolean(parsed.data.TLS_KEY)) {
    throw new ConfigError('Invalid configuration:\n  TLS_CERT and TLS_KEY must be given together');
  }
  if (parsed.data.REDIS_URL && !parsed.data.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  REDIS_URL turns on cluster mode (several instances), which needs PostgreSQL: set DATABASE_URL=postgresql://… as well.\n  SQLite serves one instance only; unset REDIS_URL to run one instance on SQLite.',
    );
  }
  if (parsed.data.VIDEO_MEDIA_URL && (parsed.data.VIDEO === 'on' || !parsed.data.REDIS_URL)) {
    throw new ConfigError(
      'Invalid configuration:\n  VIDEO_MEDIA_URL sends this instance\'s video requests to the media node of a cluster: it needs VIDEO=off here and cluster mode (REDIS_URL), which carries the media node\'s answers to this instance\'s screens.',
    );
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}

/** Several instances share PostgreSQL and Redis (loadConfig refuses REDIS_URL without DATABASE_URL). */
export function isClusterMode(config: Pick<Config, 'REDIS_URL' | 'DATABASE_URL'>): config is Pick<Config, 'REDIS_URL' | 'DATABASE_URL'> & { REDIS_URL: string; DATABASE_URL: string } {
  return Boolean(config.REDIS_URL && config.DATABASE_URL);
}
