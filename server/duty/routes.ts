import type { Router } from 'express';
import { DUTY_ROUTES } from '../../shared/routes/duty';
import { contractRouter, type Authenticator } from '../http/contract-router';
import type { DutyLogService } from './duty-log-service';
import type { HandoverService } from './handover-service';
import type { RosterService } from './roster-service';

export function dutyRoutes(sessions: Authenticator, roster: RosterService, handovers: HandoverService, log: DutyLogService): Router {
  return contractRouter(sessions, DUTY_ROUTES, {
    now: () => roster.onWatch(),
    shifts: ({ query }) => roster.list(query),
    members: () => roster.candidates(),
    createShift: ({ body, actor }) => roster.create(body, actor),
    updateShift: ({ params, body, actor }) => roster.update(params.id, body, actor),
    removeShift: async ({ params, actor }) => (await roster.remove(params.id, actor), null),
    handovers: () => handovers.list(),
    writeHandover: ({ body, principal, actor }) => handovers.write(body, principal, actor),
    acknowledgeHandover: ({ params, principal, actor }) => handovers.acknowledge(params.id, principal, actor),
    log: ({ query }) => log.list(query),
    addLogEntry: ({ body, actor }) => log.add(body, actor),
  });
}
