/**
 * Runs `flush` once before the next frame is painted, however often it is asked for meanwhile, so a
 * burst of position pushes costs the screen one update. Where frames do not run (a hidden tab, tests)
 * a timer does it instead.
 */
export function frameScheduler(flush: () => void, fallbackMs = 250) {
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function cancel(): void {
    if (frame !== null) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = null;
    timer = null;
  }

  function run(): void {
    cancel();
    flush();
  }

  function schedule(): void {
    if (frame !== null || timer !== null) return;
    if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(run);
    timer = setTimeout(run, fallbackMs);
  }

  return { schedule, cancel, pending: () => frame !== null || timer !== null };
}
