import type { Shelter, TownshipEvacuation } from '@shared/schemas/shelter';
import { http } from './http';

const path = (id: string, rest = '') => `/api/shelters/${encodeURIComponent(id)}${rest}`;

export const sheltersApi = {
  setStatus: (id: string, status: 'open' | 'closed') => http.post<Shelter>(path(id, '/status'), { status }),
  move: (id: string, kind: 'check_in' | 'check_out', people: number, note = '') => http.post<Shelter>(path(id, '/movements'), { kind, people, note }),
  reportRelatives: (township: string, withRelatives: number) => http.post<TownshipEvacuation>('/api/evacuation/reports', { township, withRelatives }),
};
