/**
 * CMA's typhoon warning lines, [lon, lat] vertices as issue 13 gives them: a storm inside the 24-hour line may
 * affect the mainland within a day, inside the 48-hour line within two. For the map's storm layer.
 */
export const WARNING_LINE_24H: ReadonlyArray<readonly [number, number]> = [
  [127, 34],
  [127, 22],
  [119, 18],
  [119, 11],
  [113, 4.5],
  [105, 0],
];

export const WARNING_LINE_48H: ReadonlyArray<readonly [number, number]> = [
  [105, 0],
  [120, 0],
  [132, 15],
  [132, 34],
];
