import type { SensorElement } from '../../shared/schemas/sensor-element';
import type { LevelStage, RollingRain, StationCondition } from '../../shared/schemas/sensor-reading';
import { RAIN_SIGNALS, type RainSignal, type Station } from '../../shared/schemas/station';

/** Upper bounds (m/s) of Beaufort forces 0…17. */
const BEAUFORT_LIMITS = [0.3, 1.6, 3.4, 5.5, 8.0, 10.8, 13.9, 17.2, 20.8, 24.5, 28.5, 32.7, 37.0, 41.5, 46.2, 51.0, 56.1, 61.3];

export function beaufortOf(speedMs: number): number {
  const force = BEAUFORT_LIMITS.findIndex((limit) => speedMs < limit);
  return force < 0 ? 18 : force;
}

/** The level element a station's thresholds apply to: a reservoir's upstream level (库上水位), otherwise the level. */
export function watchedLevelElement(station: Station): SensorElement {
  return station.kind === 'reservoir' ? 'level_upstream' : 'level';
}

export interface Standing {
  rainSignal: RainSignal | null;
  /** Indices of the rain thresholds currently met (kept until the sum falls below the hysteresis line). */
  rainActive: ReadonlySet<number>;
  levelStage: LevelStage;
  windAlarm: boolean;
}

export const QUIET: Standing = { rainSignal: null, rainActive: new Set(), levelStage: 'normal', windAlarm: false };

export interface Inputs {
  rain: RollingRain;
  level: number | null;
  windForce: number | null;
}

/**
 * Where a station stands against its thresholds. A line is crossed at the threshold and only uncrossed once the
 * value is back below it by the hysteresis, so a value hovering at the line does not raise and clear by turns.
 */
export function evaluate(station: Station, inputs: Inputs, previous: Standing): Standing {
  const t = station.thresholds;
  const rainActive = new Set<number>();
  t.rain.forEach((threshold, i) => {
    const sum = inputs.rain[threshold.window];
    const clearBelow = threshold.mm * (1 - t.rainHysteresisShare);
    if (sum >= threshold.mm || (previous.rainActive.has(i) && sum >= clearBelow)) rainActive.add(i);
  });
  const signals = [...rainActive].map((i) => RAIN_SIGNALS.indexOf(t.rain[i]!.signal));
  const rainSignal = signals.length ? RAIN_SIGNALS[Math.max(...signals)]! : null;

  let levelStage: LevelStage = 'normal';
  const level = inputs.level;
  if (t.level && level !== null) {
    const h = t.level.hysteresis;
    const stays = (line: number | null, stage: LevelStage) => line !== null && (level >= line || (stageRank(previous.levelStage) >= stageRank(stage) && level >= line - h));
    if (stays(t.level.guaranteed, 'guaranteed')) levelStage = 'guaranteed';
    else if (stays(t.level.warning, 'warning')) levelStage = 'warning';
  } else if (t.level && level === null) {
    levelStage = previous.levelStage; // an invalid reading says nothing about the water
  }

  const windAlarm = t.windBeaufort !== null && inputs.windForce !== null && (inputs.windForce >= t.windBeaufort || (previous.windAlarm && inputs.windForce >= t.windBeaufort - 1));
  return { rainSignal, rainActive, levelStage, windAlarm };
}

const stageRank = (stage: LevelStage) => ['normal', 'warning', 'guaranteed'].indexOf(stage);

/** The colour the wall gives the station. */
export function conditionOf(station: Station, standing: Standing, heardAt: number | null, now: number): StationCondition {
  if (station.maintenance) return 'maintenance';
  if (heardAt === null) return 'no_data';
  if (now - heardAt > station.reportIntervalSeconds * 3_000) return 'offline';
  if (standing.levelStage === 'guaranteed' || standing.rainSignal === 'orange' || standing.rainSignal === 'red') return 'danger';
  if (standing.levelStage === 'warning' || standing.rainSignal !== null || standing.windAlarm) return 'warning';
  return 'normal';
}
