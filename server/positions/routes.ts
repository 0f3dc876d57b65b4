import type { Router } from 'express';
import { POSITION_ROUTES } from '../../shared/routes/positions';
import { DomainError, forbidden } from '../errors';
import { contractRouter, type Authenticator } from '../http/contract-router';
import type { TeamService } from '../teams/team-service';
import type { PositionHub } from './position-hub';
import { canSee, teamAudience } from '../visibility/policy';

const DEFAULT_TRACK_MS = 6 * 3_600_000;

export function positionRoutes(sessions: Authenticator, hub: PositionHub, teams: Pick<TeamService, 'get'>, clock: () => number = Date.now): Router {
  return contractRouter(sessions, POSITION_ROUTES, {
    latest: ({ principal }) => {
      if (principal.role !== 'field') return hub.latest();
      const own = principal.teamId ? hub.latestFor(principal.teamId) : null;
      return own ? [own] : [];
    },
    trails: ({ query }) => hub.trails(clock() - query.minutes * 60_000),
    track: async ({ params, query, principal }) => {
      const teamId = params.id;
      if (!canSee(principal, teamAudience(teamId))) throw forbidden('A field user may only see its own team’s track.');
      const to = query.to ?? clock();
      const from = query.from ?? to - DEFAULT_TRACK_MS;
      if (from > to) throw new DomainError('VALIDATION_FAILED', undefined, [{ path: 'from', message: 'from must not be after to' }]);
      await teams.get(teamId);
      return hub.track(teamId, from, to, query.limit);
    },
  });
}
