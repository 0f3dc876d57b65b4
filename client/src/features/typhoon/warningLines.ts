/**
 * The CMA typhoon warning lines (警戒线), [lon, lat]: a storm inside the 24-hour line is watched with hourly
 * bulletins, inside the 48-hour line with regular ones. Coordinates as issue 13 gives them (CMA's published lines).
 */
export const WARNING_LINE_24H: ReadonlyArray<[number, number]> = [
  [127, 34],
  [127, 22],
  [119, 18],
  [119, 11],
  [113, 4.5],
  [105, 0],
];

export const WARNING_LINE_48H: ReadonlyArray<[number, number]> = [
  [105, 0],
  [120, 0],
  [132, 15],
  [132, 34],
];
