import type { Router } from 'express';
import type { Role } from '../../../shared/enums';
import { SUPPLY_CSV_ROUTES } from '../../../shared/routes/supplies';
import { SUPPLY_CSV_KINDS, type SupplyCsvKind } from '../../../shared/schemas/supply';
import { DomainError, forbidden } from '../../errors';
import { contractRouter, type Authenticator } from '../../http/contract-router';
import type { SupplyCsvService } from './supply-csv-service';

/** Depots and the catalogue are admin data; stock counts may also come from the commander. */
const IMPORTERS: Record<SupplyCsvKind, readonly Role[]> = { depots: ['admin'], items: ['admin'], stock: ['admin', 'commander'] };

function kindOf(param: string): SupplyCsvKind {
  const kind = param.replace(/\.csv$/, '');
  if (!(SUPPLY_CSV_KINDS as readonly string[]).includes(kind)) throw new DomainError('NOT_FOUND', `No CSV for ${kind}; use ${SUPPLY_CSV_KINDS.join(', ')}.`);
  return kind as SupplyCsvKind;
}

/** POST a file's bytes (text/csv) to import; GET to export UTF-8 CSV with a BOM. */
export function supplyCsvRoutes(sessions: Authenticator, csv: SupplyCsvService): Router {
  return contractRouter(sessions, SUPPLY_CSV_ROUTES, {
    export: async ({ params }) => {
      const kind = kindOf(params.kind);
      return { filename: `${kind}.csv`, bytes: await csv.export(kind) };
    },
    import: ({ params, query, body, principal, actor }) => {
      const kind = kindOf(params.kind);
      if (!IMPORTERS[kind].includes(principal.role)) throw forbidden(`Only ${IMPORTERS[kind].join(' and ')} may import ${kind}.`);
      if (body.length === 0) throw new DomainError('VALIDATION_FAILED', 'Send the file itself as the body, with Content-Type text/csv.');
      return csv.import(kind, Buffer.from(body.buffer, body.byteOffset, body.byteLength), query.encoding, actor);
    },
  });
}
