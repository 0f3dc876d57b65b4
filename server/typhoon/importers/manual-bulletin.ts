import type { ManualBulletin } from '../../../shared/schemas/typhoon';
import { beaufortOf, gradeOf } from '../../../shared/typhoon/wind';
import { badInput, withMovement, type ParsedStorm } from './parsed-storm';
import { normalizeLon } from '../../../shared/typhoon/geodesy';

/** Official forecasts reach five days (120 h); a week leaves room for any agency's extended outlook. */
const MAX_LEAD_HOURS = 168;

/** A bulletin typed in by the duty officer: one observed centre (2-minute wind in m/s, as CMA gives it) and the agency's forecast points. */
export function parseManualBulletin(b: ManualBulletin): ParsedStorm {
  const at = Date.parse(b.at);
  b.forecast.forEach((f, i) => {
    if (Date.parse(f.at) <= at) throw badInput(null, `forecast.${i}.at`, 'a forecast point must be later than the bulletin time');
    if (Date.parse(f.at) - at > MAX_LEAD_HOURS * 3_600_000) throw badInput(null, `forecast.${i}.at`, `forecasts reach ${MAX_LEAD_HOURS} hours ahead at most`);
  });
  const points = [...b.forecast].sort((x, y) => Date.parse(x.at) - Date.parse(y.at));
  points.forEach((f, i) => {
    if (i > 0 && f.at === points[i - 1]?.at) throw badInput(null, 'forecast', `two forecast points at ${f.at}`);
  });
  return {
    number: b.number,
    nameZh: b.nameZh,
    nameEn: b.nameEn ? b.nameEn.toUpperCase() : null,
    source: 'manual',
    track: withMovement([
      {
        at: new Date(at).toISOString(),
        lat: b.lat,
        lon: normalizeLon(b.lon),
        pressureHpa: b.pressureHpa,
        windMs: b.windMs,
        sourceWind: b.windMs === null ? null : { value: b.windMs, unit: 'ms_2min' },
        grade: b.windMs === null ? null : gradeOf(b.windMs),
        beaufort: b.windMs === null ? null : beaufortOf(b.windMs),
        extratropical: false,
        moveDirectionDeg: null,
        moveSpeedKmh: null,
        radii: b.radii,
      },
    ]),
    forecasts:
      points.length === 0
        ? []
        : [
            {
              agency: b.agency,
              issuedAt: new Date(at).toISOString(),
              points: points.map((f) => ({ at: new Date(f.at).toISOString(), lat: f.lat, lon: normalizeLon(f.lon), pressureHpa: f.pressureHpa, windMs: f.windMs, grade: f.windMs === null ? null : gradeOf(f.windMs), radii: { level7: null, level10: null, level12: null } })),
            },
          ],
  };
}
