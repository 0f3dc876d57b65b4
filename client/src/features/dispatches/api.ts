import { DISPATCH_ROUTES } from '@shared/routes/dispatch';
import type { DispatchCancel, DispatchCreate, DispatchOnBehalf, DispatchReassign } from '@shared/schemas/dispatch';
import { callRoute } from '../../shell/api/routeClient';

/** The desk's dispatch commands (HTTP); each carries the client's action id, so a retry applies once. */
export const dispatchesApi = {
  create: (input: DispatchCreate) => callRoute(DISPATCH_ROUTES.create, { body: input }),
  feed: (limit: number) => callRoute(DISPATCH_ROUTES.feed, { query: { limit } }),
  detail: (id: string) => callRoute(DISPATCH_ROUTES.detail, { params: { id } }),
  cancel: (id: string, input: DispatchCancel) => callRoute(DISPATCH_ROUTES.cancel, { params: { id }, body: input }),
  reassign: (id: string, input: DispatchReassign) => callRoute(DISPATCH_ROUTES.reassign, { params: { id }, body: input }),
  recordOnBehalf: (id: string, input: DispatchOnBehalf) => callRoute(DISPATCH_ROUTES.recordOnBehalf, { params: { id }, body: input }),
  suggestions: (lat: number, lon: number, limit = 8) => callRoute(DISPATCH_ROUTES.suggestions, { query: { lat, lon, limit, includeBusy: 'true' } }),
  resolveSos: (teamId: string) => callRoute(DISPATCH_ROUTES.resolveSos, { params: { id: teamId } }),
};
