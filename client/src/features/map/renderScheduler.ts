import type { MapChange } from './mapUpdates';

/**
 * When the map draws: changes are gathered and drawn together (never two draws at once), at most every
 * `minGapMs`, or longer when a draw is costly: the gap is `costFactor` times what the last draw took (up to
 * `maxGapMs`), so drawing keeps to about 1 / (1 + costFactor) of the main thread however many units there are
 * and however busy the machine is. Grown trails are asked for at most every `trailsGapMs`.
 */
export function renderScheduler(draw: (changes: Set<MapChange>) => Promise<void>, opts: { minGapMs: number; maxGapMs: number; costFactor: number; trailsGapMs: number }) {
  const pending = new Set<MapChange>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let trailsTimer: ReturnType<typeof setTimeout> | null = null;
  let drawing = false;
  let gapMs = opts.minGapMs;

  function schedule(change: MapChange = 'scene'): void {
    pending.add(change);
    if (timer || drawing) return;
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, gapMs);
  }

  async function run(): Promise<void> {
    drawing = true;
    const changes = new Set(pending);
    pending.clear();
    const startedAt = performance.now();
    try {
      await draw(changes);
    } finally {
      gapMs = nextGapMs(performance.now() - startedAt, opts);
      drawing = false;
      const [next] = pending;
      if (next) schedule(next);
    }
  }

  return {
    schedule,
    scheduleTrails(): void {
      if (trailsTimer) return;
      trailsTimer = setTimeout(() => {
        trailsTimer = null;
        schedule('trails');
      }, opts.trailsGapMs);
    },
    dispose(): void {
      if (timer) clearTimeout(timer);
      if (trailsTimer) clearTimeout(trailsTimer);
    },
  };
}

/** The wait before the next draw after one that took `costMs`. */
export const nextGapMs = (costMs: number, opts: { minGapMs: number; maxGapMs: number; costFactor: number }) => Math.round(Math.min(opts.maxGapMs, Math.max(opts.minGapMs, costMs * opts.costFactor)));
