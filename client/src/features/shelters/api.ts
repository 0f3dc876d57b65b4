import { EVACUATION_ROUTES, SHELTER_ROUTES } from '@shared/routes/shelters';
import type { ShelterCreate } from '@shared/schemas/shelter';
import { callRoute } from '../../shell/api/routeClient';

export const sheltersApi = {
  create: (input: ShelterCreate) => callRoute(SHELTER_ROUTES.create, { body: input }),
  update: (id: string, patch: Partial<ShelterCreate>) => callRoute(SHELTER_ROUTES.update, { params: { id }, body: patch }),
  setStatus: (id: string, status: 'open' | 'closed') => callRoute(SHELTER_ROUTES.setStatus, { params: { id }, body: { status } }),
  /** The shelter's newest check-ins and check-outs (the server sends at most 200), newest first. */
  movements: (id: string) => callRoute(SHELTER_ROUTES.movements, { params: { id } }),
  move: (id: string, kind: 'check_in' | 'check_out', people: number, note = '') => callRoute(SHELTER_ROUTES.move, { params: { id }, body: { kind, people, note } }),
  reportRelatives: (township: string, withRelatives: number) => callRoute(EVACUATION_ROUTES.report, { body: { township, withRelatives } }),
};
