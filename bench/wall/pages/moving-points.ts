/** N points wandering over Xiangshan, `rate` of them moving per second; the same feed for every engine. */
export interface MovingPoints {
  lon: Float64Array;
  lat: Float64Array;
  /** Moves `due` points (round robin), as position pushes would. */
  move(due: number): void;
}

export function movingPoints(count: number): MovingPoints {
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    lon[i] = 121.75 + Math.random() * 0.2;
    lat[i] = 29.3 + Math.random() * 0.3;
  }
  let next = 0;
  return {
    lon,
    lat,
    move(due) {
      for (let k = 0; k < due; k++) {
        const i = next++ % count;
        lon[i] = lon[i]! + (Math.random() - 0.5) * 0.002;
        lat[i] = lat[i]! + (Math.random() - 0.5) * 0.002;
      }
    },
  };
}

/** Calls `tick(due)` once per animation frame with the number of moves due at `rate` per second. */
export function driveAtRate(rate: number, tick: (due: number) => void): () => void {
  const started = performance.now();
  let moved = 0;
  let frame = 0;
  const loop = () => {
    const due = Math.floor(((performance.now() - started) / 1000) * rate) - moved;
    if (due > 0) {
      moved += due;
      tick(due);
    }
    frame = requestAnimationFrame(loop);
  };
  frame = requestAnimationFrame(loop);
  return () => cancelAnimationFrame(frame);
}
