import type { SensorElement } from '../../shared/schemas/sensor-element';
import type { LevelStage, Reading, StationState } from '../../shared/schemas/sensor-reading';
import type { RainSignal, Station } from '../../shared/schemas/station';
import { RainAccumulator } from './rain-accumulator';
import { beaufortOf, conditionOf, evaluate, QUIET, watchedLevelElement, type Standing } from './thresholds';

/** A station's standing changed: what the alarms (and a drafted incident) follow. */
export interface StandingChange {
  station: Station;
  from: { rainSignal: RainSignal | null; levelStage: LevelStage; windAlarm: boolean; offline: boolean };
  to: { rainSignal: RainSignal | null; levelStage: LevelStage; windAlarm: boolean; offline: boolean };
  state: StationState;
}

/** How often rain windows slide and silent stations are looked at (readings re-evaluate at once). */
const TICK_MS = 5_000;

interface Live {
  station: Station;
  latest: StationState['latest'];
  heardAt: number | null;
  rain: RainAccumulator;
  standing: Standing;
  state: StationState;
}

export interface StationLiveOptions {
  clock: () => number;
  /** States that changed are pushed at most this often (coalesced per station, like positions). */
  pushIntervalMs: number;
  publish: (states: StationState[]) => void;
  onStandingChange?: (change: StandingChange) => void;
}

/**
 * The latest value of every station, in memory: updated as readings are stored, re-evaluated against the
 * thresholds, and pushed coalesced. `tick()` (every 5 s) lets rain windows slide and stations go offline.
 */
export class StationLive {
  private readonly live = new Map<string, Live>();
  private readonly dirty = new Set<string>();
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly options: StationLiveOptions) {}

  start(): void {
    if (this.timers.length) return;
    this.timers = [setInterval(() => this.flush(), this.options.pushIntervalMs), setInterval(() => this.tick(), TICK_MS)];
    for (const timer of this.timers) timer.unref();
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  setStation(station: Station): void {
    const existing = this.live.get(station.id);
    if (existing) existing.station = station;
    else this.live.set(station.id, { station, latest: {}, heardAt: null, rain: new RainAccumulator(), standing: QUIET, state: emptyState(station.id) });
    this.reevaluate(station.id);
  }

  removeStation(id: string): void {
    this.live.delete(id);
    this.dirty.delete(id);
  }

  station(id: string): Station | undefined {
    return this.live.get(id)?.station;
  }

  stations(): Station[] {
    return [...this.live.values()].map((l) => l.station);
  }

  /** Readings of one message, as first stored (duplicates already removed). */
  apply(stationId: string, readings: readonly Reading[], heardAt: number): void {
    const live = this.live.get(stationId);
    if (!live) return;
    live.heardAt = Math.max(live.heardAt ?? heardAt, heardAt);
    for (const r of readings) {
      const current = live.latest[r.element];
      if (!current || r.observedAt >= current.observedAt) live.latest[r.element] = { value: r.value, observedAt: r.observedAt };
    }
    live.rain.addMessage(readings);
    this.reevaluate(stationId);
  }

  /** The station was heard without readings (an SL 651 keep-alive). */
  heard(stationId: string, at: number): void {
    const live = this.live.get(stationId);
    if (!live) return;
    live.heardAt = Math.max(live.heardAt ?? at, at);
    this.reevaluate(stationId);
  }

  states(): StationState[] {
    return [...this.live.values()].map((l) => l.state);
  }

  state(id: string): StationState | undefined {
    return this.live.get(id)?.state;
  }

  tick(): void {
    for (const id of this.live.keys()) this.reevaluate(id);
  }

  flush(): void {
    if (this.dirty.size === 0) return;
    const states: StationState[] = [];
    for (const id of this.dirty) {
      const state = this.live.get(id)?.state;
      if (state) states.push(state);
    }
    this.dirty.clear();
    this.options.publish(states);
  }

  private reevaluate(id: string): void {
    const live = this.live.get(id);
    if (!live) return;
    const now = this.options.clock();
    const rain = live.rain.sums(now);
    const level = live.latest[watchedLevelElement(live.station)]?.value ?? null;
    const force = live.latest.wind_force?.value ?? null;
    const speed = live.latest.wind_speed?.value ?? null;
    const standing = evaluate(live.station, { rain, level, windForce: force ?? (speed === null ? null : beaufortOf(speed)) }, live.standing);
    const condition = conditionOf(live.station, standing, live.heardAt, now);
    const state: StationState = {
      stationId: id,
      condition,
      heardAt: live.heardAt,
      latest: { ...live.latest },
      rain,
      rainSignal: standing.rainSignal,
      levelStage: standing.levelStage,
      windAlarm: standing.windAlarm,
    };
    const before = live.state;
    const from = summary(before);
    live.standing = standing;
    live.state = state;
    if (!sameState(before, state)) this.dirty.add(id);
    const to = summary(state);
    if (before.condition !== 'no_data' || state.condition !== 'no_data') {
      if (from.rainSignal !== to.rainSignal || from.levelStage !== to.levelStage || from.windAlarm !== to.windAlarm || from.offline !== to.offline) {
        this.options.onStandingChange?.({ station: live.station, from, to, state });
      }
    }
  }
}

function emptyState(stationId: string): StationState {
  return { stationId, condition: 'no_data', heardAt: null, latest: {}, rain: { '1h': 0, '3h': 0, '6h': 0, '12h': 0, '24h': 0 }, rainSignal: null, levelStage: 'normal', windAlarm: false };
}

const summary = (s: StationState) => ({ rainSignal: s.rainSignal, levelStage: s.levelStage, windAlarm: s.windAlarm, offline: s.condition === 'offline' });

function sameState(a: StationState, b: StationState): boolean {
  if (a.condition !== b.condition || a.heardAt !== b.heardAt || a.rainSignal !== b.rainSignal || a.levelStage !== b.levelStage || a.windAlarm !== b.windAlarm) return false;
  if (a.rain['1h'] !== b.rain['1h'] || a.rain['24h'] !== b.rain['24h'] || a.rain['3h'] !== b.rain['3h'] || a.rain['6h'] !== b.rain['6h'] || a.rain['12h'] !== b.rain['12h']) return false;
  const keys = Object.keys(b.latest) as SensorElement[];
  if (keys.length !== Object.keys(a.latest).length) return false;
  return keys.every((k) => a.latest[k]?.observedAt === b.latest[k]?.observedAt && a.latest[k]?.value === b.latest[k]?.value);
}
