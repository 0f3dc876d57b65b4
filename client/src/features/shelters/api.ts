import { EVACUATION_ROUTES, SHELTER_ROUTES } from '@shared/routes/shelters';
import type { ShelterCreate } from '@shared/schemas/shelter';
import { callRoute } from '../../shell/api/routeClient';

export const sheltersApi = {
  create: (input: ShelterCreate) => callRoute(SHELTER_ROUTES.create, { body: input }),
  update: (id: string, patch: Partial<ShelterCreate>) => callRoute(SHELTER_ROUTES.update, { params: { id }, body: patch }),
  setStatus: (id: string, status: 'open' | 'closed') => callRoute(SHELTER_ROUTES.setStatus, { params: { id }, body: { status } }),
  /** The shelter's newest check-ins and check-outs (the server sends at most 200), newest first. */
  movements: (id: string) => callRoute(SHELTER_ROUTES.movements, { params: { id } }),
  /** `exercise`: a drill's people at a real shelter (at a drill's shelter every movement is the drill's). */
  move: (id: string, kind: 'check_in' | 'check_out', people: number, note = '', exercise = false) => callRoute(SHELTER_ROUTES.move, { params: { id }, body: { kind, people, note, exercise } }),
  /** A township's 投亲靠友 count, real or a drill's (`exercise`): each kind has its own figure. */
  reportRelatives: (township: string, withRelatives: number, exercise = false) => callRoute(EVACUATION_ROUTES.report, { body: { township, withRelatives, exercise } }),
};
