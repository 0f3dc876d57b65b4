/** Where an instant sits on the timeline, 0–100 %. */
export const percentOf = (t: number, from: number, to: number): number => (to <= from ? 0 : Math.min(100, Math.max(0, ((t - from) / (to - from)) * 100)));

/** The instant a click at `x` pixels of a `width`-pixel bar names. */
export const timeAt = (x: number, width: number, from: number, to: number): number => Math.round(from + Math.min(1, Math.max(0, width > 0 ? x / width : 0)) * (to - from));
