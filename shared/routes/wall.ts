import { WallLayoutSchema } from '../schemas/wall';
import { defineRoute } from './route';

/** The wall's layout: the wall reads it, staff arrange it. */
export const WALL_LAYOUT_ROUTES = {
  get: defineRoute({ method: 'GET', path: '/wall-layout', answer: WallLayoutSchema, allow: 'watchBoard' }),
  set: defineRoute({ method: 'PUT', path: '/wall-layout', body: WallLayoutSchema, answer: WallLayoutSchema, allow: 'staff' }),
};
