/** What a tile shows about its picture. */
export interface FeedStats {
  width: number | null;
  height: number | null;
  fps: number | null;
  kbps: number | null;
  codec: string | null;
}

/** The counters of one getStats() reading that the next reading needs for rates. */
export interface StatsSample {
  bytes: number;
  frames: number;
  /** ms, from the stats' own clock */
  at: number;
}

export const EMPTY_STATS: FeedStats = { width: null, height: null, fps: null, kbps: null, codec: null };

type Entry = Record<string, unknown> & { type?: string; id?: string };
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Reads the inbound video stream of a consumer's getStats() report; rates come from the difference with the
 * previous reading (Chromium's own framesPerSecond is used when present).
 */
export function readInboundStats(report: { values(): Iterable<unknown> }, previous: StatsSample | null): { stats: FeedStats; sample: StatsSample | null } {
  const entries = [...report.values()] as Entry[];
  const inbound = entries.find((e) => e.type === 'inbound-rtp' && (e.kind ?? e.mediaType) === 'video');
  if (!inbound) return { stats: EMPTY_STATS, sample: null };
  const bytes = num(inbound.bytesReceived) ?? 0;
  const frames = num(inbound.framesDecoded) ?? 0;
  const at = num(inbound.timestamp) ?? 0;
  const sample = { bytes, frames, at };
  const span = previous ? (at - previous.at) / 1000 : 0;
  const rate = (now: number, before: number) => (span > 0 && now >= before ? (now - before) / span : null);
  const kbps = previous ? rate(bytes, previous.bytes) : null;
  const fps = num(inbound.framesPerSecond) ?? (previous ? rate(frames, previous.frames) : null);
  const codecEntry = typeof inbound.codecId === 'string' ? entries.find((e) => e.id === inbound.codecId) : undefined;
  const mime = typeof codecEntry?.mimeType === 'string' ? codecEntry.mimeType : null;
  return {
    stats: {
      width: num(inbound.frameWidth),
      height: num(inbound.frameHeight),
      fps: fps === null ? null : Math.round(fps),
      kbps: kbps === null ? null : Math.round((kbps * 8) / 1000),
      codec: mime ? (mime.split('/')[1] ?? mime) : null,
    },
    sample,
  };
}
