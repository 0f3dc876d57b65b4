import type { CameraState } from '@shared/schemas/camera';
import type { FeedPhase } from './cameraFeed';

/** A picture with no new frame for this long is flagged on its tile. */
export const STALE_AFTER_MS = 3_000;

/**
 * What a tile tells the viewer, most important first: no camera, the camera's own state, this screen's
 * connection, then the picture (loading, paused while hidden, live, or live but stale).
 */
export type TileCondition = 'empty' | 'unknown' | 'offline' | 'connecting' | 'failed' | 'no_connection' | 'loading' | 'paused' | 'live' | 'stale';

export interface TileFacts {
  cameraId: string | null;
  /** The camera is in the registry; null while the registry has not loaded yet. */
  registered: boolean | null;
  state: CameraState | null;
  /** This screen's socket is up. */
  ready: boolean;
  phase: FeedPhase;
  /** When the feed last went live and when the last frame was shown (epoch ms). */
  liveSince: number | null;
  lastFrameAt: number | null;
  now: number;
}

/** Whole seconds since the last frame (or since the feed went live, before the first frame); null when not live. */
export function secondsWithoutFrame(f: Pick<TileFacts, 'phase' | 'liveSince' | 'lastFrameAt' | 'now'>): number | null {
  if (f.phase !== 'live' || f.liveSince === null) return null;
  const since = Math.max(f.liveSince, f.lastFrameAt ?? f.liveSince);
  return Math.max(0, Math.floor((f.now - since) / 1000));
}

export function tileCondition(f: TileFacts): TileCondition {
  if (!f.cameraId) return 'empty';
  if (f.registered === null) return 'loading';
  if (!f.registered) return 'unknown';
  if (f.state !== 'online') return f.state ?? 'offline';
  if (!f.ready) return 'no_connection';
  if (f.phase === 'paused') return 'paused';
  if (f.phase !== 'live') return 'loading';
  const quiet = secondsWithoutFrame(f);
  if (f.lastFrameAt === null) return quiet !== null && quiet * 1000 >= STALE_AFTER_MS ? 'stale' : 'loading';
  return quiet !== null && quiet * 1000 >= STALE_AFTER_MS ? 'stale' : 'live';
}
