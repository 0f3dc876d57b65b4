import express, { Router, type Request } from 'express';
import { SUPPLY_CSV_KINDS, SupplyCsvImportQuerySchema, type SupplyCsvKind } from '../../../shared/schemas/supply';
import type { Role } from '../../../shared/enums';
import { actorOf } from '../../auth/principal';
import type { SessionService } from '../../auth/session-service';
import { DomainError, forbidden } from '../../errors';
import { principalOf, requireRole } from '../../http/auth-middleware';
import { handle } from '../../http/respond';
import { parseInput } from '../../validation';
import type { SupplyCsvService } from './supply-csv-service';

/** Depots and the catalogue are admin data; stock counts may also come from the commander. */
const IMPORTERS: Record<SupplyCsvKind, readonly Role[]> = { depots: ['admin'], items: ['admin'], stock: ['admin', 'commander'] };
const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream'];

function kindOf(req: Request): SupplyCsvKind {
  const kind = String(req.params.kind).replace(/\.csv$/, '');
  if (!(SUPPLY_CSV_KINDS as readonly string[]).includes(kind)) throw new DomainError('NOT_FOUND', `No CSV for ${kind}; use ${SUPPLY_CSV_KINDS.join(', ')}.`);
  return kind as SupplyCsvKind;
}

/** POST a file's bytes (text/csv) to import; GET to export UTF-8 CSV with a BOM. */
export function supplyCsvRoutes(sessions: SessionService, csv: SupplyCsvService): Router {
  const router = Router();
  router.get(
    '/supplies/csv/:kind',
    requireRole(sessions, 'admin', 'commander', 'duty_officer'),
    handle(async (req, res) => {
      const kind = kindOf(req);
      const body = await csv.export(kind);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${kind}.csv"`);
      res.send(body);
    }),
  );
  router.post(
    '/supplies/csv/:kind',
    requireRole(sessions, 'admin', 'commander'),
    express.raw({ type: CSV_TYPES, limit: '5mb' }),
    handle((req) => {
      const kind = kindOf(req);
      const principal = principalOf(req);
      if (!IMPORTERS[kind].includes(principal.role)) throw forbidden(`Only ${IMPORTERS[kind].join(' and ')} may import ${kind}.`);
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw new DomainError('VALIDATION_FAILED', 'Send the file itself as the body, with Content-Type text/csv.');
      const { encoding } = parseInput(SupplyCsvImportQuerySchema, req.query);
      return csv.import(kind, req.body, encoding, actorOf(principal));
    }),
  );
  return router;
}
