import { STATION_CSV_ROUTES, STATION_ROUTES } from '@shared/routes/stations';
import type { z } from 'zod';
import type { StationSeriesHours } from '@shared/schemas/sensor-reading';
import type { StationCreateSchema, StationUpdateSchema } from '@shared/schemas/station';
import { downloadFile } from '../../shell/api/http';
import { callRoute } from '../../shell/api/routeClient';

/** Stations, their live states and chart series (HTTP); the events and `stations:batch` pushes that follow are authoritative. */
export const gaugesApi = {
  list: () => callRoute(STATION_ROUTES.list, {}),
  states: () => callRoute(STATION_ROUTES.states, {}),
  /** Admins get the SL 651 password; everyone else `****`. */
  get: (id: string) => callRoute(STATION_ROUTES.get, { params: { id } }),
  series: (id: string, hours: StationSeriesHours) => callRoute(STATION_ROUTES.series, { params: { id }, query: { hours } }),
  maintenance: (id: string, maintenance: boolean, note = '') => callRoute(STATION_ROUTES.maintenance, { params: { id }, body: { maintenance, note } }),
  create: (body: z.input<typeof StationCreateSchema>) => callRoute(STATION_ROUTES.create, { body }),
  update: (id: string, body: z.input<typeof StationUpdateSchema>) => callRoute(STATION_ROUTES.update, { params: { id }, body }),
  remove: (id: string) => callRoute(STATION_ROUTES.remove, { params: { id } }),
  /** UTF-8 with a BOM, so Excel opens it; SL 651 passwords for admins only. */
  exportCsv: () => downloadFile(`/api${STATION_CSV_ROUTES.export.path}`),
  /** All or nothing: a file with a bad row is refused with every problem by line (VALIDATION_FAILED details). */
  importCsv: async (file: Blob) => callRoute(STATION_CSV_ROUTES.import, { query: {}, body: new Uint8Array(await file.arrayBuffer()) }),
};
