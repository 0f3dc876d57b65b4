import type { Shelter, ShelterCreate, ShelterMovement, TownshipEvacuation } from '@shared/schemas/shelter';
import { http } from './http';

const path = (id: string, rest = '') => `/api/shelters/${encodeURIComponent(id)}${rest}`;

export const sheltersApi = {
  create: (input: ShelterCreate) => http.post<Shelter>('/api/shelters', input),
  update: (id: string, patch: Partial<ShelterCreate>) => http.patch<Shelter>(path(id), patch),
  setStatus: (id: string, status: 'open' | 'closed') => http.post<Shelter>(path(id, '/status'), { status }),
  /** The shelter's newest check-ins and check-outs (the server sends at most 200), newest first. */
  movements: (id: string) => http.get<ShelterMovement[]>(path(id, '/movements')),
  move: (id: string, kind: 'check_in' | 'check_out', people: number, note = '') => http.post<Shelter>(path(id, '/movements'), { kind, people, note }),
  reportRelatives: (township: string, withRelatives: number) => http.post<TownshipEvacuation>('/api/evacuation/reports', { township, withRelatives }),
};
