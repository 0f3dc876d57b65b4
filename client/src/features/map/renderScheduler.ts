import type { MapChange } from './mapUpdates';

/**
 * When the map draws: changes are gathered and drawn together at most every `minGapMs` (never two draws at
 * once); grown trails are asked for at most every `trailsGapMs` (thousands of them, growing with every fix).
 */
export function renderScheduler(draw: (changes: Set<MapChange>) => Promise<void>, opts: { minGapMs: number; trailsGapMs: number }) {
  const pending = new Set<MapChange>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let trailsTimer: ReturnType<typeof setTimeout> | null = null;
  let drawing = false;

  function schedule(change: MapChange = 'scene'): void {
    pending.add(change);
    if (timer || drawing) return;
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, opts.minGapMs);
  }

  async function run(): Promise<void> {
    drawing = true;
    const changes = new Set(pending);
    pending.clear();
    try {
      await draw(changes);
    } finally {
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
