import { z } from 'zod';
import { IngestStatusSchema, ReadingQuerySchema, ReadingSchema, StationSeriesQuerySchema, StationSeriesSchema, StationStateSchema } from '../schemas/sensor-reading';
import { StationCreateSchema, StationMaintenanceSchema, StationSchema, StationUpdateSchema } from '../schemas/station';
import { CsvEncodingSchema, CsvFileSchema } from '../schemas/supply';
import { defineRoute, DownloadSchema } from './route';

/**
 * Gauges (物联感知). Admins keep the station registry (thresholds, SL 651 settings) and see ingest problems; staff
 * put a station in maintenance; the board reads stations, their live states, readings and chart series.
 * The live states are also pushed (`stations:batch`), so a screen reads `states` once and then follows pushes.
 */
export const STATION_ROUTES = {
  list: defineRoute({ method: 'GET', path: '/stations', answer: z.array(StationSchema), allow: 'watchBoard' }),
  states: defineRoute({ method: 'GET', path: '/stations/states', answer: z.array(StationStateSchema), allow: 'watchBoard' }),
  ingest: defineRoute({ method: 'GET', path: '/stations/ingest', answer: IngestStatusSchema, allow: 'administer' }),
  create: defineRoute({ method: 'POST', path: '/stations', body: StationCreateSchema, answer: StationSchema, allow: 'administer' }),
  get: defineRoute({ method: 'GET', path: '/stations/:id', answer: StationSchema, allow: 'watchBoard' }),
  update: defineRoute({ method: 'PATCH', path: '/stations/:id', body: StationUpdateSchema, answer: StationSchema, allow: 'administer' }),
  remove: defineRoute({ method: 'DELETE', path: '/stations/:id', answer: z.object({ id: z.string() }), allow: 'administer' }),
  maintenance: defineRoute({ method: 'POST', path: '/stations/:id/maintenance', body: StationMaintenanceSchema, answer: StationSchema, allow: 'staff' }),
  readings: defineRoute({ method: 'GET', path: '/stations/:id/readings', query: ReadingQuerySchema, answer: z.array(ReadingSchema), allow: 'watchBoard' }),
  series: defineRoute({ method: 'GET', path: '/stations/:id/series', query: StationSeriesQuerySchema, answer: StationSeriesSchema, allow: 'watchBoard' }),
};

const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream'];

export const StationCsvImportResultSchema = z.object({ rows: z.number().int(), created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });

/** Stations as CSV: export UTF-8 with a BOM (Excel), import UTF-8 or GB18030 up to 5 MB, keyed by station code. */
export const STATION_CSV_ROUTES = {
  export: defineRoute({ method: 'GET', path: '/stations-csv', answer: DownloadSchema, allow: 'staff', download: { contentType: 'text/csv; charset=utf-8' } }),
  import: defineRoute({
    method: 'POST',
    path: '/stations-csv',
    query: z.object({ encoding: CsvEncodingSchema.optional() }),
    body: CsvFileSchema,
    answer: StationCsvImportResultSchema,
    allow: 'administer',
    raw: { types: CSV_TYPES, limit: '5mb' },
  }),
};
