/** When a screen whose build differs from the server's reloads itself. Pure: the watch feeds it. */

/** A kiosk (wall) and a tablet (field) reload by themselves; a desk (desk, admin) offers it, and reloads when idle. */
export type ScreenKind = 'kiosk' | 'tablet' | 'desk';

export function screenKindOf(routeName: unknown): ScreenKind {
  if (routeName === 'wall') return 'kiosk';
  if (routeName === 'field') return 'tablet';
  return 'desk';
}

/** A desk reloads by itself after this long without a key, click or touch. */
export const DESK_IDLE_MS = 3 * 60_000;
/** A kiosk or tablet never reloads under a finger (an SOS being held, a tap on its way). */
export const TOUCH_IDLE_MS = 10_000;
/** How long "updating…" shows before the reload. */
export const RELOAD_NOTICE_MS = 3_000;

export interface SkewInput {
  /** This bundle's build id. */
  own: string;
  /** The build the server serves now; null when unknown (not loaded yet, or no build). */
  server: string | null;
  /** The server refused a request as coming from a too-old client. */
  refused: boolean;
}

/** This page runs another build than the server serves, or the server said it is too old. */
export const isBehind = ({ own, server, refused }: SkewInput): boolean => refused || (server !== null && server !== own);

export type SkewAction = 'none' | 'offer' | 'wait' | 'reload';

export interface DecideInput {
  kind: ScreenKind;
  behind: boolean;
  /** No unsent outbox item, no open form, no half-typed input. */
  safe: boolean;
  idleMs: number;
  /** This page was already reloaded towards the server's current build and still differs: never loop. */
  reloadedBefore: boolean;
}

/**
 * - `none`: in step.
 * - `offer`: show the notice with a reload button (a desk in use, or a reload that did not help).
 * - `wait`: a kiosk or tablet that will reload once it is safe (the notice says what it waits for).
 * - `reload`: now.
 */
export function decide({ kind, behind, safe, idleMs, reloadedBefore }: DecideInput): SkewAction {
  if (!behind) return 'none';
  if (reloadedBefore) return 'offer';
  if (kind === 'desk') return safe && idleMs >= DESK_IDLE_MS ? 'reload' : 'offer';
  return safe && idleMs >= TOUCH_IDLE_MS ? 'reload' : 'wait';
}
