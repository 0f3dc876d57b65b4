import { z } from 'zod';
import { AlarmSchema } from '../schemas/alarm';
import { BoardSummarySchema } from '../schemas/overview';
import { FixSchema, TrackQuerySchema, TrailsQuerySchema, TrailsSchema } from '../schemas/position';
import { WallLayoutSchema } from '../schemas/wall';
import { defineRoute } from './route';

/** Open alarms for the board; staff acknowledge them. */
export const ALARM_ROUTES = {
  list: defineRoute({ method: 'GET', path: '/alarms', answer: z.array(AlarmSchema), allow: 'watchBoard' }),
  acknowledge: defineRoute({ method: 'POST', path: '/alarms/:id/acknowledge', answer: AlarmSchema, allow: 'staff' }),
};

/** Where teams are: a field tablet sees only its own team. */
export const POSITION_ROUTES = {
  latest: defineRoute({ method: 'GET', path: '/positions/latest', answer: z.array(FixSchema), allow: 'watchBoardOrOwnTeam' }),
  trails: defineRoute({ method: 'GET', path: '/positions/trails', query: TrailsQuerySchema, answer: TrailsSchema, allow: 'watchBoard' }),
  track: defineRoute({ method: 'GET', path: '/teams/:id/track', query: TrackQuerySchema, answer: z.array(FixSchema), allow: 'watchBoardOrOwnTeam' }),
};

/** The wall's layout: the wall reads it, staff arrange it. */
export const WALL_LAYOUT_ROUTES = {
  get: defineRoute({ method: 'GET', path: '/wall-layout', answer: WallLayoutSchema, allow: 'watchBoard' }),
  set: defineRoute({ method: 'PUT', path: '/wall-layout', body: WallLayoutSchema, answer: WallLayoutSchema, allow: 'staff' }),
};

/** The numbers behind the wall's panels (the wall computes the same function live from its stores). */
export const BOARD_SUMMARY_ROUTES = {
  summary: defineRoute({ method: 'GET', path: '/board/summary', answer: BoardSummarySchema, allow: 'watchBoard' }),
};
