import { Router } from 'express';
import { STATION_CSV_ROUTES, STATION_ROUTES } from '../../shared/routes/stations';
import { DomainError } from '../errors';
import { contractRouter, type Authenticator } from '../http/contract-router';
import type { SensorsServices } from './sensors-services';
import { StationCsv } from './station-csv';
import { maskStation } from './station-store';

/** The station registry, live states, readings, chart series and ingest status (see shared/routes/stations.ts). */
export function stationRoutes(sessions: Authenticator, sensors: SensorsServices): Router {
  const { stations } = sensors;
  const shown = <S extends Parameters<typeof maskStation>[0]>(station: S, role: string) => (role === 'admin' ? station : maskStation(station));
  const csv = new StationCsv(stations);
  const router = Router();
  router.use(
    contractRouter(sessions, STATION_CSV_ROUTES, {
      export: async ({ principal }) => ({ filename: 'stations.csv', bytes: await csv.export(principal.role === 'admin') }),
      import: ({ query, body, actor }) => {
        if (body.length === 0) throw new DomainError('VALIDATION_FAILED', 'Send the file itself as the body, with Content-Type text/csv.');
        return csv.import(Buffer.from(body.buffer, body.byteOffset, body.byteLength), query.encoding, actor);
      },
    }),
  );
  router.use(contractRouter(sessions, STATION_ROUTES, {
    list: async ({ principal }) => (await stations.list()).map((s) => shown(s, principal.role)),
    states: () => sensors.live.states(),
    ingest: () => sensors.status(),
    create: async ({ body, actor }) => stations.create(body, actor),
    get: async ({ params, principal }) => shown(await stations.get(params.id), principal.role),
    update: ({ params, body, actor }) => stations.update(params.id, body, actor),
    remove: ({ params, actor }) => stations.remove(params.id, actor),
    maintenance: async ({ params, body, actor, principal }) => shown(await stations.setMaintenance(params.id, body, actor), principal.role),
    readings: ({ params, query }) => sensors.readings(params.id, query),
    series: ({ params, query }) => sensors.series(params.id, query.hours),
  }));
  return router;
}
