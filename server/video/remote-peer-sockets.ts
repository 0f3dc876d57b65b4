import type { z } from 'zod';
import type { VideoRelaySignalSchema } from '../../shared/schemas/video-socket';
import { CLIENT_REQUESTS } from '../../shared/socket';
import type { Principal } from '../auth/principal';
import { DomainError, forbidden } from '../errors';
import { IntervalJob } from '../jobs/interval-job';
import type { Logger } from '../logger';
import type { TidewatchServer } from '../realtime/types';
import { parseInput } from '../validation';
import type { VideoService } from './video-service';
import { VIDEO_SIGNALING } from './video-sockets';

export type RelaySignal = z.output<typeof VideoRelaySignalSchema>;

export interface RemotePeersDeps {
  video: VideoService;
  io: () => TidewatchServer | null;
  logger: Logger;
  /** How often peers whose socket has gone from the cluster are freed (their instance died before it said so). */
  sweepEveryMs?: number;
}

/**
 * The media node's side of video in a cluster: sockets connected to other instances are peers here too, keyed by
 * their socket id, their requests forwarded with their session (the `video/signal` route). A peer belongs to the
 * session that first used it, and a socket of this instance is never reachable this way, so a signed-in user
 * cannot act on someone else's peer. The relay's pushes to a peer (a consumer closed) reach its socket on the
 * other instance through the Socket.IO adapter, as camera statuses reach every board.
 */
export class RemotePeers {
  private readonly owners = new Map<string, string>();
  readonly sweep: IntervalJob<void>;

  constructor(private readonly deps: RemotePeersDeps) {
    this.sweep = new IntervalJob({ name: 'video-remote-peer-sweep', everyMs: deps.sweepEveryMs ?? 30_000, pass: () => this.freeVanished(), whileRunning: 'join', runAtStart: false, logger: deps.logger });
  }

  /** Answers one forwarded request as the relay answers a socket of its own (same roles, same schemas). */
  async answer({ peerId, name, request }: RelaySignal, principal: Principal): Promise<unknown> {
    // Only a media node answers forwarded signalling; anywhere else the route has nothing behind it.
    if (!this.deps.video.relayRunning) throw new DomainError('NOT_FOUND', 'This instance runs no video relay: it is not a media node.');
    if (this.deps.io()?.of('/').sockets.has(peerId)) throw forbidden('That connection is answered by this instance itself.');
    const owner = this.owners.get(peerId);
    if (owner !== undefined && owner !== principal.sessionId) throw forbidden('That video session belongs to another connection.');
    if (name === 'video:leave') {
      this.leave(peerId);
      return { done: true };
    }
    const rule = VIDEO_SIGNALING[name];
    if (!rule.roles.includes(principal.role)) throw new DomainError('FORBIDDEN');
    const parsed = parseInput(CLIENT_REQUESTS[name].request, request);
    this.owners.set(peerId, principal.sessionId);
    return rule.run(this.deps.video, peerId, parsed as never, principal);
  }

  private leave(peerId: string): void {
    this.owners.delete(peerId);
    this.deps.video.leave(peerId);
  }

  private async freeVanished(): Promise<void> {
    const io = this.deps.io();
    if (!io) return;
    for (const peerId of [...this.owners.keys()]) {
      const sockets = await io.in(peerId).fetchSockets().catch(() => null);
      if (sockets?.length === 0) this.leave(peerId);
    }
  }
}
