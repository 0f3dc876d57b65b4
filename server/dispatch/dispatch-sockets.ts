import { rolesFor } from '../../shared/permissions';
import type { Logger } from '../logger';
import { onRequest } from '../realtime/request-handler';
import type { TidewatchSocket } from '../realtime/types';
import type { DispatchReader } from './dispatch-reader';
import type { DispatchService } from './dispatch-service';
import type { SosService } from './sos-service';

export interface DispatchSocketDeps {
  dispatches: DispatchService;
  reader: DispatchReader;
  sos: SosService;
  logger: Logger;
}

/**
 * A tablet's dispatch requests, and the re-push that makes delivery survive disconnects: every time a
 * field tablet connects it is sent its team's active dispatches, undelivered ones included, until one
 * of the team's tablets confirms receipt with `dispatch:received`.
 */
export function registerDispatchSocket(socket: TidewatchSocket, { dispatches, reader, sos, logger }: DispatchSocketDeps): void {
  onRequest(socket, 'dispatch:received', rolesFor('fieldTablet'), (request, principal) => dispatches.receive(request, principal), logger);
  onRequest(socket, 'dispatch:step', rolesFor('fieldTablet'), (request, principal) => dispatches.tabletStep(request, principal), logger);
  onRequest(socket, 'field:sos', rolesFor('fieldTablet'), (request, principal) => sos.raise(request, principal), logger);

  const principal = socket.data.principal;
  if (principal.role !== 'field' || !principal.teamId) return;
  reader.activeForTeam(principal.teamId, principal).then(
    (pending) => socket.emit('dispatch:pending', { dispatches: pending }),
    (error: unknown) => logger.error({ err: error }, 'reading pending dispatches for a tablet failed'),
  );
}
