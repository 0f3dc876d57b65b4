import type http from 'node:http';
import type { Logger } from 'pino';
import { Server, type ServerOptions } from 'socket.io';
import { rolesFor } from '../../shared/permissions';
import { toLivePosition, type FieldFix, type Fix } from '../../shared/schemas/position';
import { MAX_RESYNC_EVENTS, type SyncResult } from '../../shared/schemas/sync';
import { ROOMS } from '../../shared/socket';
import type { AlarmService } from '../alarms/alarm-service';
import { actorOf, type Principal } from '../auth/principal';
import type { SessionService } from '../auth/session-service';
import type { EventBus } from '../events/event-bus';
import type { EventLog, StoredEvent } from '../events/event-log';
import type { Snapshot } from '../../shared/schemas/sync';
import { ProxyTrust } from '../http/proxy-trust';
import { isLoopbackAddress } from '../tls/https-redirect';
import { RequestGate, type RequestLimits } from './request-gate';
import { audienceRooms, canSee, teamAudience, viewerRooms } from '../visibility/policy';
import { IntervalJob } from '../jobs/interval-job';
import { isOutdated } from '../versions/client-protocol';
import { onRequest } from './request-handler';
import type { LimiterFactory } from '../cluster/rate-limiters';
import type { TidewatchServer, TidewatchSocket } from './types';

/** Field situation reports carry a photo of up to 2 MB as base64; everything else is far smaller. */
const MAX_SOCKET_MESSAGE_BYTES = 3 * 1024 * 1024;
const TEAM_ROOM_PREFIX = ROOMS.team('');

export interface PositionStream {
  latest(): Fix[];
}

export interface RealtimeDeps {
  httpServer: http.Server;
  /** Sockets of clients older than this may only resync and drain their outbox. */
  minClientProtocol: number;
  sessions: SessionService;
  log: EventLog;
  bus: EventBus;
  /** Concurrent identical requests share one build (see SnapshotCoalescer). */
  snapshots: { get(viewer: Principal): Promise<Snapshot> };
  positions: PositionStream;
  alarms: AlarmService;
  /** Takes a fix from a field tablet's browser; resolves whether it was accepted. */
  acceptFieldFix(principal: Principal, fix: FieldFix): Promise<boolean>;
  logger: Logger;
  clock?: () => number;
  requestLimits?: RequestLimits;
  /** Per-minute request budgets (shared through Redis in cluster mode). */
  limiters?: LimiterFactory;
  /** Cluster mode: the Socket.IO adapter that carries room broadcasts (gauge states, camera status) to the other instances. */
  adapter?: ServerOptions['adapter'];
  /** Plain-HTTP sockets from other hosts carry the token in clear: refused unless a field tablet and allowed. */
  transport?: { trust: ProxyTrust; plainHttpFieldSockets: boolean };
}

const refusal = (code: 'UNAUTHENTICATED' | 'HTTPS_REQUIRED') => Object.assign(new Error(code), { data: { code } });

/**
 * Owns the Socket.IO server: authenticates sockets by session token, answers typed requests, and
 * routes committed events and position batches to the sockets whose role may see them.
 */
export class RealtimeServer {
  readonly io: TidewatchServer;
  private readonly unsubscribe: () => void;
  private readonly expirySweep: IntervalJob<void>;
  private closed = false;

  constructor(private readonly deps: RealtimeDeps) {
    this.io = new Server(deps.httpServer, { maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES, pingInterval: 20_000, pingTimeout: 20_000, serveClient: false, ...(deps.adapter ? { adapter: deps.adapter } : {}) });
    const gate = new RequestGate(deps.requestLimits, deps.limiters);
    this.io.use(async (socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      const principal = typeof token === 'string' ? await deps.sessions.authenticate(token).catch(() => null) : null;
      if (!principal) return next(refusal('UNAUTHENTICATED'));
      if (!this.transportAllowed(socket.request, principal)) return next(refusal('HTTPS_REQUIRED'));
      socket.data.principal = principal;
      socket.data.gate = (name) => gate.admit(principal.sessionId, name);
      socket.data.outdated = isOutdated((socket.handshake.auth as { protocol?: unknown }).protocol, deps.minClientProtocol);
      next();
    });
    this.io.on('connection', (socket) => this.registerHandlers(socket));
    this.unsubscribe = deps.bus.subscribe((stored) => this.routeEvent(stored));
    this.expirySweep = new IntervalJob({ name: 'session-expiry-sweep', everyMs: 60_000, pass: async () => this.endExpiredSessions(), whileRunning: 'join', runAtStart: false, logger: deps.logger });
    this.expirySweep.start();
  }

  /**
   * Pushes the latest fixes to this instance's sockets: the whole batch to the board, each team's own fix to its
   * field tablets. In cluster mode every instance calls this with the fixes it took and with those the position
   * relay brings from the others, never through the Socket.IO adapter: there each team's fix would be one entry
   * of the adapter's stream (2,000 units at 1 Hz: 2,000 entries a second against the 10,000 it keeps), so an
   * instance that fell 5 s behind lost positions and gauge states for good.
   */
  publishPositions(fixes: readonly Fix[]): void {
    if (fixes.length === 0) return;
    const live = fixes.map(toLivePosition);
    this.io.local.to(ROOMS.board).emit('positions:batch', live);
    const rooms = this.io.of('/').adapter.rooms;
    for (const position of live) {
      const room = ROOMS.team(position[0]);
      if (rooms.has(room)) this.io.local.to(room).emit('positions:batch', [position]);
    }
  }

  /** Whether a field tablet of the team holds a live connection to this instance now (only the team's tablets join its room). */
  teamConnected(teamId: string): boolean {
    return (this.io.of('/').adapter.rooms.get(ROOMS.team(teamId))?.size ?? 0) > 0;
  }

  /** The teams with a field tablet connected to this instance now. */
  connectedTeams(): string[] {
    return [...this.io.of('/').adapter.rooms.keys()].filter((room) => room.startsWith(TEAM_ROOM_PREFIX)).map((room) => room.slice(TEAM_ROOM_PREFIX.length));
  }

  /** Calls `listener` whenever a team's first tablet on this instance joins its room or its last one leaves. */
  onTeamRoomsChanged(listener: () => void): void {
    const adapter = this.io.of('/').adapter;
    const onRoom = (room: string) => {
      if (room.startsWith(TEAM_ROOM_PREFIX)) listener();
    };
    adapter.on('create-room', onRoom);
    adapter.on('delete-room', onRoom);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    await this.expirySweep.close();
    this.io.disconnectSockets(true);
    await new Promise<void>((resolve) => this.io.close(() => resolve()));
  }

  private transportAllowed(request: http.IncomingMessage, principal: Principal): boolean {
    const origin = (this.deps.transport?.trust ?? new ProxyTrust()).clientOf(request);
    if (origin.secure || isLoopbackAddress(origin.ip ?? undefined)) return true;
    return principal.role === 'field' && this.deps.transport?.plainHttpFieldSockets === true;
  }

  private registerHandlers(socket: TidewatchSocket): void {
    const logger = this.deps.logger;
    onRequest(socket, 'sync:hello', rolesFor('watchBoardOrOwnTeam'), async ({ lastSeq }, principal) => this.sync(socket, principal, lastSeq), logger);
    onRequest(
      socket,
      'position:report',
      rolesFor('fieldTablet'),
      async (fix, principal) => ({ accepted: await this.deps.acceptFieldFix(principal, fix) }),
      logger,
    );
    onRequest(socket, 'alarm:acknowledge', rolesFor('staff'), async ({ alarmId }, principal) => this.deps.alarms.acknowledge(alarmId, actorOf(principal)), logger);
  }

  /**
   * Joins the socket's rooms first, then reads: an event committed meanwhile may arrive both in the
   * answer and as a push, and the client drops the copy by seq. Nothing can fall between the two.
   */
  private async sync(socket: TidewatchSocket, principal: Principal, lastSeq: number | null): Promise<SyncResult> {
    await socket.join(viewerRooms(principal));
    const positions = this.visiblePositions(principal);
    const current = await this.deps.log.currentSeq();
    if (lastSeq !== null && lastSeq <= current) {
      const events = await this.deps.log.readVisibleAfter(principal, lastSeq, MAX_RESYNC_EVENTS + 1);
      if (events.length <= MAX_RESYNC_EVENTS) return { mode: 'events', events, positions };
    }
    return { mode: 'snapshot', snapshot: await this.deps.snapshots.get(principal), positions };
  }

  private visiblePositions(principal: Principal): Fix[] {
    return this.deps.positions.latest().filter((f) => canSee(principal, teamAudience(f.teamId)));
  }

  /** Every instance's bus delivers every event, so each pushes it to its own sockets only (never through the adapter). */
  private routeEvent({ event, audience }: StoredEvent): void {
    this.io.local.to(audienceRooms(audience)).emit('sync:event', event);
    if (event.type === 'session.revoked') this.endSession((p) => p.sessionId === event.payload.sessionId, 'revoked');
    if (event.type === 'auth.logout') this.endSession((p) => p.sessionId === event.payload.sessionId, 'logout');
  }

  private endSession(match: (p: Principal) => boolean, reason: 'revoked' | 'expired' | 'logout'): void {
    for (const socket of this.io.of('/').sockets.values()) {
      if (!match(socket.data.principal)) continue;
      socket.emit('session:ended', { reason });
      socket.disconnect(true);
    }
  }

  private endExpiredSessions(): void {
    const now = (this.deps.clock ?? Date.now)();
    this.endSession((p) => Date.parse(p.expiresAt) <= now, 'expired');
  }
}
