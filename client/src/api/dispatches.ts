import type {
  Dispatch,
  DispatchCancel,
  DispatchCreate,
  DispatchDetail,
  DispatchOnBehalf,
  DispatchReassign,
} from '@shared/schemas/dispatch';
import type { TeamSuggestions } from '@shared/schemas/team-suggestion';
import { http } from './http';

const path = (id: string, rest = '') => `/api/dispatches/${encodeURIComponent(id)}${rest}`;

/** The desk's dispatch commands (HTTP); each carries the client's action id, so a retry applies once. */
export const dispatchesApi = {
  create: (input: DispatchCreate) => http.post<Dispatch>('/api/dispatches', input),
  detail: (id: string) => http.get<DispatchDetail>(path(id)),
  cancel: (id: string, input: DispatchCancel) => http.post<Dispatch>(path(id, '/cancel'), input),
  reassign: (id: string, input: DispatchReassign) => http.post<{ cancelled: Dispatch; created: Dispatch }>(path(id, '/reassign'), input),
  recordOnBehalf: (id: string, input: DispatchOnBehalf) => http.post<Dispatch>(path(id, '/steps'), input),
  suggestions: (lat: number, lon: number, limit = 8) =>
    http.get<TeamSuggestions>('/api/dispatches/suggestions', { query: { lat, lon, limit, includeBusy: 'true' } }),
  resolveSos: (teamId: string) => http.post(`/api/teams/${encodeURIComponent(teamId)}/sos/resolve`),
};
