/** The rows of a long scrolled list worth rendering: those in view plus `overscan` either side. */
export interface VirtualRange {
  start: number;
  end: number;
  /** Space kept above and below the rendered rows so the scrollbar stays true. */
  padTop: number;
  padBottom: number;
}

export function virtualRange(count: number, rowHeight: number, scrollTop: number, viewportHeight: number, overscan = 10): VirtualRange {
  if (count === 0 || !(rowHeight > 0)) return { start: 0, end: count, padTop: 0, padBottom: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const inView = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first - overscan));
  const end = Math.min(count, first + inView + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}
