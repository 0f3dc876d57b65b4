import type { IngestStatus, Reading, StationSeries } from '../../shared/schemas/sensor-reading';
import type { BackgroundJob } from '../module';
import type { GaugeAlarms } from './gauge-alarms';
import type { MqttIngest } from './mqtt-ingest';
import type { SensorIngest } from './sensor-ingest';
import type { Sl651Listener } from './sl651-listener';
import type { StationLive } from './station-live';
import type { StationService } from './station-service';

/** Both ingest paths as one job; `listening` resolves with the SL 651 port once listening (null when off). */
export interface IngestPaths extends BackgroundJob {
  listening: Promise<number | null> | null;
}

/** What the routes (and a simulator) use of the gauges. */
export interface SensorsServices {
  stations: StationService;
  live: StationLive;
  /** Where every reading enters: MQTT, SL 651 and the storm simulator (`accept(stationId, source, readings)`). */
  ingest: SensorIngest;
  mqtt: MqttIngest | null;
  sl651: Sl651Listener | null;
  ingestPaths: IngestPaths;
  gaugeAlarms: GaugeAlarms;
  status(): IngestStatus;
  readings(stationId: string, query: { from?: number | undefined; to?: number | undefined; element?: Reading['element'] | undefined; limit: number }): Promise<Reading[]>;
  series(stationId: string, hours: number): Promise<StationSeries>;
}
