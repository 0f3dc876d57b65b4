import type { Logger } from 'pino';
import type { Ack } from '../../shared/ack';
import type { Role } from '../../shared/enums';
import { CLIENT_REQUESTS, type ClientRequestName, type ParsedRequestOf, type ResponseOf } from '../../shared/socket';
import type { Principal } from '../auth/principal';
import { DomainError } from '../errors';
import { toAckError } from '../error-mapper';
import { parseInput } from '../validation';
import { assertAllowedFor } from '../versions/client-protocol';
import type { TidewatchSocket } from './types';

export type RequestHandler<K extends ClientRequestName> = (payload: ParsedRequestOf<K>, principal: Principal, socket: TidewatchSocket) => Promise<ResponseOf<K>>;

/**
 * Registers one client request on a socket: the payload is validated with the shared schema, the
 * role checked, and the result or a typed error returned in the ack envelope. The session's request gate
 * (in flight and per minute) is asked first, so a flood is refused before any work. Nothing is written
 * before validation passes; a request without an ack callback is ignored.
 */
export function onRequest<K extends ClientRequestName>(socket: TidewatchSocket, name: K, roles: readonly Role[], handler: RequestHandler<K>, log: Logger): void {
  const listener = async (payload: unknown, ack: unknown) => {
    if (typeof ack !== 'function') return;
    const reply = ack as (res: Ack<ResponseOf<K>>) => void;
    let release: (() => void) | undefined;
    try {
      release = await socket.data.gate?.(name);
      const principal = socket.data.principal;
      if (!roles.includes(principal.role)) throw new DomainError('FORBIDDEN');
      assertAllowedFor(socket.data.outdated, name);
      const parsed = parseInput(CLIENT_REQUESTS[name].request, payload) as ParsedRequestOf<K>;
      reply({ ok: true, data: await handler(parsed, principal, socket) });
    } catch (error) {
      reply(toAckError(error, log).body);
    } finally {
      release?.();
    }
  };
  socket.on(name, listener as never);
}
