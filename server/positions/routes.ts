import { Router } from 'express';
import { z } from 'zod';
import { BOARD_ROLES } from '../../shared/enums';
import { TrackQuerySchema } from '../../shared/schemas/position';
import type { SessionService } from '../auth/session-service';
import { DomainError, forbidden } from '../errors';
import { principalOf, requireRole } from '../http/auth-middleware';
import { handle } from '../http/respond';
import type { TeamService } from '../teams/team-service';
import { parseInput } from '../validation';
import type { PositionHub } from './position-hub';
import { canSee, teamAudience } from '../visibility/policy';

const TrailsQuerySchema = z.object({ minutes: z.coerce.number().int().min(1).max(180).default(30) });
const DEFAULT_TRACK_MS = 6 * 3_600_000;

export function positionRoutes(sessions: SessionService, hub: PositionHub, teams: TeamService, clock: () => number = Date.now): Router {
  const router = Router();
  const board = requireRole(sessions, ...BOARD_ROLES);
  const boardOrField = requireRole(sessions, ...BOARD_ROLES, 'field');

  router.get(
    '/positions/latest',
    boardOrField,
    handle((req) => {
      const principal = principalOf(req);
      if (principal.role !== 'field') return hub.latest();
      const own = principal.teamId ? hub.latestFor(principal.teamId) : null;
      return own ? [own] : [];
    }),
  );

  router.get(
    '/positions/trails',
    board,
    handle((req) => {
      const { minutes } = parseInput(TrailsQuerySchema, req.query);
      return hub.trails(clock() - minutes * 60_000);
    }),
  );

  router.get(
    '/teams/:id/track',
    boardOrField,
    handle(async (req) => {
      const principal = principalOf(req);
      const teamId = String(req.params.id);
      if (!canSee(principal, teamAudience(teamId))) throw forbidden('A field user may only see its own team’s track.');
      const query = parseInput(TrackQuerySchema, req.query);
      const to = query.to ?? clock();
      const from = query.from ?? to - DEFAULT_TRACK_MS;
      if (from > to) throw new DomainError('VALIDATION_FAILED', undefined, [{ path: 'from', message: 'from must not be after to' }]);
      await teams.get(teamId);
      return hub.track(teamId, from, to, query.limit);
    }),
  );
  return router;
}
