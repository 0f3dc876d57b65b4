import type { z } from 'zod';
import type { AlarmKind } from '../../shared/enums';
import type { IncidentCreateSchema } from '../../shared/schemas/incident';
import type { RainSignal, Station } from '../../shared/schemas/station';
import type { AlarmRaise, AlarmService } from '../alarms/alarm-service';
import type { Logger } from '../logger';
import type { StandingChange } from './station-live';
import { watchedLevelElement } from './thresholds';

const GAUGE_ALARMS: readonly AlarmKind[] = ['gauge_rain', 'gauge_level', 'gauge_wind', 'gauge_offline'];
const SIGNAL_ZH: Record<RainSignal, string> = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' };
/** One drafted incident per station and cause within this time: a level see-sawing at the line drafts once. */
const DRAFT_AGAIN_AFTER_MS = 6 * 3_600_000;

export interface GaugeAlarmDeps {
  alarms: Pick<AlarmService, 'raise' | 'clear'>;
  /** Drafts an incident (status `reported`, source `sensor` / 监测预警) for the duty officer to verify. */
  draftIncident: (incident: z.output<typeof IncidentCreateSchema>) => Promise<unknown>;
  logger: Logger;
  clock: () => number;
}

/**
 * Thresholds → alarms: a station's standing changes raise or clear its gauge alarms (the alarm lifecycle:
 * raised, acknowledged, cleared once the value is back below the line by the hysteresis). A guaranteed level or
 * a red rainstorm criterion also drafts an incident. A station in maintenance raises nothing and has its alarms
 * cleared. Changes are handled one at a time in arrival order.
 */
export class GaugeAlarms {
  private chain: Promise<void> = Promise.resolve();
  private readonly drafted = new Map<string, number>();

  constructor(private readonly deps: GaugeAlarmDeps) {}

  onChange(change: StandingChange): void {
    this.chain = this.chain.then(() => this.apply(change)).catch((error: unknown) => this.deps.logger.error({ err: error, station: change.station.code }, 'gauge alarm update failed'));
  }

  /** The station went into maintenance (or was removed): its alarms are cleared. */
  quiet(stationId: string): void {
    this.chain = this.chain.then(async () => {
      for (const kind of GAUGE_ALARMS) await this.deps.alarms.clear(kind, stationId);
    });
  }

  settled(): Promise<void> {
    return this.chain;
  }

  private async apply({ station, from, to, state }: StandingChange): Promise<void> {
    if (station.maintenance) {
      for (const kind of GAUGE_ALARMS) await this.deps.alarms.clear(kind, station.id);
      return;
    }
    const base = { sourceType: 'station', sourceId: station.id };
    const names = { stationName: station.name, township: station.township };
    if (from.rainSignal !== to.rainSignal) {
      await this.deps.alarms.clear('gauge_rain', station.id);
      const met = to.rainSignal ? station.thresholds.rain.filter((t) => t.signal === to.rainSignal && state.rain[t.window] >= t.mm * (1 - station.thresholds.rainHysteresisShare))[0] : undefined;
      if (to.rainSignal && met) {
        const strong = to.rainSignal === 'orange' || to.rainSignal === 'red';
        await this.raise({ ...base, kind: 'gauge_rain', severity: strong ? 'critical' : 'warning', sound: strong ? 'repeat' : 'once', params: { ...names, signal: to.rainSignal, signalZh: SIGNAL_ZH[to.rainSignal], window: met.window, mm: state.rain[met.window] } });
      }
    }
    if (from.levelStage !== to.levelStage) {
      await this.deps.alarms.clear('gauge_level', station.id);
      const value = state.latest[watchedLevelElement(station)]?.value ?? null;
      const lines = station.thresholds.level;
      if (to.levelStage !== 'normal' && lines) {
        const guaranteed = to.levelStage === 'guaranteed';
        const line = guaranteed ? lines.guaranteed : lines.warning;
        const lineZh = station.kind === 'tide' ? '警戒潮位' : guaranteed ? '保证水位' : '警戒水位';
        await this.raise({ ...base, kind: 'gauge_level', severity: guaranteed ? 'critical' : 'warning', sound: guaranteed ? 'repeat' : 'once', params: { ...names, value, line, lineZh, lineEn: guaranteed ? 'guaranteed' : 'warning' } });
      }
    }
    if (from.windAlarm !== to.windAlarm) {
      if (to.windAlarm) await this.raise({ ...base, kind: 'gauge_wind', severity: 'warning', sound: 'once', params: { ...names, force: state.latest.wind_force?.value ?? null } });
      else await this.deps.alarms.clear('gauge_wind', station.id);
    }
    if (from.offline !== to.offline) {
      const minutes = state.heardAt === null ? null : Math.round((this.deps.clock() - state.heardAt) / 60_000);
      if (to.offline) await this.raise({ ...base, kind: 'gauge_offline', severity: 'info', sound: 'none', params: { ...names, minutes } });
      else await this.deps.alarms.clear('gauge_offline', station.id);
    }
    if (to.levelStage === 'guaranteed' && from.levelStage !== 'guaranteed') await this.draft(station, 'level', `${station.name}超保证水位`, 'flash_flood');
    if (to.rainSignal === 'red' && from.rainSignal !== 'red') await this.draft(station, 'rain', `${station.name}雨量达红色暴雨标准`, 'flash_flood');
  }

  private async raise(spec: AlarmRaise): Promise<void> {
    await this.deps.alarms.raise(spec);
  }

  private async draft(station: Station, cause: string, title: string, type: 'flash_flood'): Promise<void> {
    const key = `${station.id}:${cause}`;
    const now = this.deps.clock();
    if (now - (this.drafted.get(key) ?? -Infinity) < DRAFT_AGAIN_AFTER_MS) return;
    this.drafted.set(key, now);
    await this.deps.draftIncident({
      title,
      type,
      severity: 'major',
      source: 'sensor',
      exercise: false,
      location: station.location,
      township: station.township,
      place: station.name,
      affected: 0,
      trapped: 0,
      injured: 0,
      dead: 0,
      account: `监测预警：${title}（测站 ${station.code}）。请值班员核实。`,
      caller: '',
    });
  }
}
