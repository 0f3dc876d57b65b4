import { z } from 'zod';
import type { ClientRequestName } from './socket';
import { BasemapSchema } from './basemap';

/**
 * Versions that keep screens and the server in step across an upgrade.
 *
 * - The build id names one client build. Vite injects it into the bundle and writes it to `build.json`
 *   beside `index.html`; the server reports the id of the build it serves now, so a screen that loaded an
 *   older bundle sees the difference and reloads (or offers to).
 * - The protocol version is what a client speaks on the socket and over HTTP. Raise it when a change is
 *   unsafe for older clients; the server's `MIN_CLIENT_PROTOCOL` says which ones are too old. A too-old
 *   client may still read its state and deliver what its outbox holds, never start new work.
 */
export const PROTOCOL_VERSION = 2;
/** Clients from before protocol versions existed send none: they speak protocol 1. */
export const UNVERSIONED_PROTOCOL = 1;
/** The header an HTTP request names its client's protocol in. */
export const PROTOCOL_HEADER = 'x-tidewatch-protocol';
/** The file the client build writes its id to, beside index.html. */
export const BUILD_INFO_FILE = 'build.json';

/** A build's id and when it was made (ISO time; absent in a build from before build times were written). */
export const BuildInfoSchema = z.object({ buildId: z.string().min(1).max(100), builtAt: z.iso.datetime().optional() });
export type BuildInfo = z.infer<typeof BuildInfoSchema>;

/**
 * What a tablet queues in its outbox, in the order of its own screens. A client too old for new work is
 * still let through with these, so a tablet that was offline through an upgrade delivers its steps and SOS.
 */
export const OUTBOX_REQUESTS = ['dispatch:received', 'dispatch:step', 'field:sos', 'incident:field_report', 'position:report'] as const satisfies readonly ClientRequestName[];
export type OutboxRequestName = (typeof OUTBOX_REQUESTS)[number];

/** What a too-old client may still ask: its outbox, and the resync that tells it what happened meanwhile. */
export const ALLOWED_WHEN_OUTDATED: ReadonlySet<ClientRequestName> = new Set<ClientRequestName>([...OUTBOX_REQUESTS, 'sync:hello']);

/** A protocol a client names (socket auth or HTTP header); anything unreadable counts as unversioned. */
export function clientProtocolOf(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : UNVERSIONED_PROTOCOL;
}

/** The public client configuration (`GET /api/config`). */
export const ClientConfigSchema = z.object({
  staleAfterSeconds: z.number(),
  trailMinutes: z.number(),
  timeZone: z.literal('Asia/Shanghai'),
  /** The build id of the client the server serves now; null when it serves none (development). */
  version: z.string().nullable(),
  /**
   * When that build was made (ISO time); null when unknown. During a rolling upgrade instances of two builds
   * answer: a screen moves only to a build made after its own, never back (client/src/shell/versions/skew.ts).
   */
  builtAt: z.string().nullable(),
  /** The oldest client protocol the server still takes new work from. */
  minProtocol: z.number().int(),
  /** The configured basemaps (README "Basemaps"); none: the offline outline map only. */
  basemaps: z.array(BasemapSchema),
});
export type ClientConfig = z.infer<typeof ClientConfigSchema>;
