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
/**
 * After a reload for a build (by itself or by hand), a screen does not reload by itself again for this long (it
 * offers instead): during a rolling upgrade instances of two builds answer behind the proxy, and a reload may
 * land on one not yet upgraded; the screen must not reload at every reconnect.
 */
export const RELOAD_COOLDOWN_MS = 10 * 60_000;

export interface Build {
  id: string;
  /** When it was made (ISO time); null when unknown (a build or a server from before build times). */
  builtAt: string | null;
}

/**
 * Where the server's build stands from this page's: `same` (or unknown), `newer` (one to move to), or `older`
 * (made before this page's, or one this page already left: an instance not yet upgraded, never one to go back to).
 * Without build times on both sides, any other build counts as newer unless this page left it.
 */
export function standingOf(own: Build, server: Build | null, left: readonly string[]): 'same' | 'newer' | 'older' {
  if (!server || server.id === own.id) return 'same';
  if (left.includes(server.id)) return 'older';
  const ours = Date.parse(own.builtAt ?? '');
  const theirs = Date.parse(server.builtAt ?? '');
  return Number.isFinite(ours) && Number.isFinite(theirs) && theirs < ours ? 'older' : 'newer';
}

export interface SkewInput {
  /** This bundle's build. */
  own: Build;
  /** The build the server serves now; null when unknown (not loaded yet, or no build). */
  server: Build | null;
  /** Builds this tab reloaded away from. */
  left: readonly string[];
  /** The server refused a request as coming from a too-old client. */
  refused: boolean;
}

/** The server serves a newer build than this page runs, or said this page is too old. */
export const isBehind = ({ own, server, left, refused }: SkewInput): boolean => refused || standingOf(own, server, left) === 'newer';

/** Whether this tab reloaded for a build less than RELOAD_COOLDOWN_MS ago (a clock set back counts as not). */
export const isCoolingDown = (reloadedAt: number | null, now: number): boolean => reloadedAt !== null && now >= reloadedAt && now - reloadedAt < RELOAD_COOLDOWN_MS;

export type SkewAction = 'none' | 'offer' | 'wait' | 'reload';

export interface DecideInput {
  kind: ScreenKind;
  behind: boolean;
  /** No unsent outbox item, no open form, no half-typed input. */
  safe: boolean;
  idleMs: number;
  /** This tab reloaded for a build a short while ago (RELOAD_COOLDOWN_MS): it may have landed on an instance not yet upgraded. */
  coolingDown: boolean;
}

/**
 * - `none`: in step.
 * - `offer`: show the notice with a reload button (a desk in use, or a screen that reloaded a short while
 *   ago: it does not again by itself, but a person may).
 * - `wait`: a kiosk or tablet that will reload once it is safe (the notice says what it waits for).
 * - `reload`: now.
 */
export function decide({ kind, behind, safe, idleMs, coolingDown }: DecideInput): SkewAction {
  if (!behind) return 'none';
  if (coolingDown) return 'offer';
  if (kind === 'desk') return safe && idleMs >= DESK_IDLE_MS ? 'reload' : 'offer';
  return safe && idleMs >= TOUCH_IDLE_MS ? 'reload' : 'wait';
}
