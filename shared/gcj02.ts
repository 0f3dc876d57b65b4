import gcoord from 'gcoord';

/** [lon, lat] in degrees. */
export type LonLat = [number, number];

/** WGS84 to GCJ-02 (the offset Chinese commercial maps such as AMap and Tencent are drawn in). */
export function wgs84ToGcj02(p: LonLat): LonLat {
  const [lon, lat] = gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as LonLat;
  return [lon, lat];
}

/**
 * GCJ-02 to WGS84 by fixed-point iteration on the forward transform: the offset varies slowly (a few
 * hundred metres, changing by well under a metre per metre), so a handful of rounds lands within ~1 cm.
 * Points outside China are returned as they are (the forward transform leaves them alone too).
 */
export function gcj02ToWgs84(p: LonLat, rounds = 6): LonLat {
  let guess: LonLat = [p[0], p[1]];
  for (let i = 0; i < rounds; i++) {
    const [fLon, fLat] = wgs84ToGcj02(guess);
    const dLon = fLon - p[0];
    const dLat = fLat - p[1];
    guess = [guess[0] - dLon, guess[1] - dLat];
    if (Math.abs(dLon) < 1e-9 && Math.abs(dLat) < 1e-9) break;
  }
  return guess;
}
