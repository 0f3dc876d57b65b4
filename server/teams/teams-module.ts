import type { Kysely } from 'kysely';
import type { SessionService } from '../auth/session-service';
import type { Database } from '../db/schema';
import type { EventBus } from '../events/event-bus';
import type { Transactor } from '../events/transactor';
import { teamRoutes } from './routes';
import { TeamService } from './team-service';

export interface TeamsModuleDeps {
  db: Kysely<Database>;
  transactor: Transactor;
  /** Keeps the team names current as teams are created, renamed and deleted. */
  bus: Pick<EventBus, 'subscribe'>;
  sessions: SessionService;
  clock: () => number;
}

/** The county's teams, and their names at hand for alarms raised without a transaction (tracker SOS, silence). */
export async function createTeamsModule({ db, transactor, bus, sessions, clock }: TeamsModuleDeps) {
  const teams = new TeamService(db, transactor, clock);
  const names = new Map((await teams.list()).map((t) => [t.id, t.name]));
  const unsubscribe = bus.subscribe(({ event }) => {
    if (event.type === 'team.created' || event.type === 'team.updated') names.set(event.payload.team.id, event.payload.team.name);
    if (event.type === 'team.deleted') names.delete(event.payload.teamId);
  });
  return {
    teams,
    teamName: (teamId: string): string | undefined => names.get(teamId),
    routes: [teamRoutes(sessions, teams)],
    jobs: [{ start: () => {}, close: unsubscribe }],
  };
}

export type TeamsModule = Awaited<ReturnType<typeof createTeamsModule>>;
