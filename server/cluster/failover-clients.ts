// Test-only: screens and tablets as the browser runs them, for the failover suite. Each keeps its seq as the
// client's SyncSession does (hello on every connect, pushes buffered while it is pending, an event applied only
// if its seq is above the last one), reconnects with the client's backoff, and a tablet sends every action with a fixed action id until the
// server acknowledges it, as the field outbox does.
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import type { Ack } from '../../shared/ack';
import { RECONNECT_BACKOFF } from '../../shared/backoff';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import type { Dispatch } from '../../shared/schemas/dispatch';
import type { DomainEvent } from '../../shared/schemas/event';
import type { ClientRequestName, RequestOf, ResponseOf } from '../../shared/socket';
import type { ClientSocket } from '../testing/int-support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Answers worth sending the same action again for: the server could not store it (yet). */
const RETRIABLE = new Set(['INTERNAL', 'STORE_UNAVAILABLE', 'RATE_LIMITED', 'TIMEOUT']);

export class SyncedClient {
  readonly socket: ClientSocket;
  /** Every event this screen applied, in the order it applied them. */
  readonly applied: DomainEvent[] = [];
  positionBatches = 0;
  /** When this screen last received a position of each team. */
  readonly positionsSeen = new Map<string, number>();
  private lastSeq: number | null = null;
  private buffered: DomainEvent[] | null = null;
  /** How long each outage lasted, from the dropped socket to the answered hello on the new one (ms). */
  readonly outages: number[] = [];
  synced = false;
  /** The seq of the first snapshot: events up to it are in the snapshot, not applied one by one. */
  snapshotSeq: number | null = null;
  private droppedAt: number | null = null;

  constructor(
    readonly name: string,
    baseUrl: string,
    token: string,
  ) {
    this.socket = io(baseUrl, {
      auth: { token, protocol: PROTOCOL_VERSION },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: RECONNECT_BACKOFF.baseMs,
      reconnectionDelayMax: RECONNECT_BACKOFF.maxMs,
      randomizationFactor: RECONNECT_BACKOFF.jitter,
      timeout: 10_000,
    });
    this.socket.on('connect', () => void this.hello());
    this.socket.on('disconnect', () => {
      this.synced = false;
      this.droppedAt ??= Date.now();
      this.buffered = null;
    });
    this.socket.on('sync:event', (event) => {
      if (this.buffered) this.buffered.push(event);
      else this.apply(event);
      this.onEvent(event);
    });
    this.socket.on('positions:batch', (batch) => {
      this.positionBatches++;
      for (const [teamId] of batch) this.positionsSeen.set(teamId, Date.now());
    });
  }

  /** Sends until acknowledged (a lost answer, a dropped socket, an instance that could not store it yet). */
  async send<K extends ClientRequestName>(name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
    for (let attempt = 0; ; attempt++) {
      if (!this.socket.connected) await new Promise<void>((resolve) => this.socket.once('connect', () => resolve()));
      let ack: Ack<ResponseOf<K>>;
      try {
        const emit = this.socket.timeout(3_000).emitWithAck as unknown as (n: K, p: RequestOf<K>) => Promise<Ack<ResponseOf<K>>>;
        ack = await emit.call(this.socket.timeout(3_000), name, payload);
      } catch {
        continue;
      }
      if (ack.ok) return ack.data;
      if (!RETRIABLE.has(ack.error.code)) throw new Error(`${this.name}: ${name} refused: ${ack.error.code} ${ack.error.message}`);
      await sleep(Math.min(2_000, 200 * 2 ** attempt));
    }
  }

  close(): void {
    this.socket.close();
  }

  protected onEvent(_event: DomainEvent): void {}

  protected onSynced(): void {}

  private apply(event: DomainEvent): void {
    if (this.lastSeq !== null && event.seq <= this.lastSeq) return;
    this.applied.push(event);
    this.lastSeq = event.seq;
  }

  private async hello(): Promise<void> {
    const payload = { lastSeq: this.lastSeq };
    this.buffered = [];
    try {
      const ack = (await (this.socket.timeout(15_000) as unknown as { emitWithAck(n: string, p: unknown): Promise<Ack<never>> }).emitWithAck('sync:hello', payload)) as Ack<
        ResponseOf<'sync:hello'>
      >;
      if (!ack.ok) throw new Error(ack.error.code);
      // A snapshot (first connect) is the starting point; events since the last seq fill the outage.
      if (ack.data.mode === 'snapshot') this.lastSeq = this.snapshotSeq = ack.data.snapshot.seq;
      else for (const event of ack.data.events.sort((a, b) => a.seq - b.seq)) this.apply(event);
      for (const event of (this.buffered ?? []).sort((a, b) => a.seq - b.seq)) this.apply(event);
      this.buffered = null;
      this.synced = true;
      if (this.droppedAt !== null) this.outages.push(Date.now() - this.droppedAt);
      this.droppedAt = null;
      this.onSynced();
    } catch {
      this.buffered = null;
      await sleep(RECONNECT_BACKOFF.baseMs);
      if (this.socket.connected && !this.synced) void this.hello();
    }
  }
}

/** A step the server acknowledged, with the action id it was sent under. */
export interface AckedStep {
  dispatchId: string;
  teamId: string;
  to: string;
  actionId: string;
}

const STEPS = ['accepted', 'en_route', 'on_scene', 'completed'] as const;

/**
 * A field tablet: reports a position every second, confirms each dispatch of its team and walks it through its
 * steps, each queued once with its own action id and sent until acknowledged.
 */
export class SimulatedTablet extends SyncedClient {
  readonly acked: AckedStep[] = [];
  readonly acceptedFixes: number[] = [];
  private readonly handled = new Set<string>();
  private readonly reporting: NodeJS.Timeout;
  private stopped = false;

  constructor(
    name: string,
    baseUrl: string,
    token: string,
    readonly teamId: string,
    private readonly home: { lat: number; lon: number },
  ) {
    super(name, baseUrl, token);
    this.socket.on('dispatch:pending', ({ dispatches }) => dispatches.forEach((d) => this.handle(d)));
    this.reporting = setInterval(() => void this.report(), 1_000);
  }

  override close(): void {
    this.stopped = true;
    clearInterval(this.reporting);
    super.close();
  }

  protected override onEvent(event: DomainEvent): void {
    if (event.type === 'dispatch.assigned') this.handle(event.payload.dispatch);
  }

  private handle(dispatch: Dispatch): void {
    if (this.handled.has(dispatch.id) || !dispatch.assignments.some((a) => a.teamId === this.teamId)) return;
    this.handled.add(dispatch.id);
    void this.work(dispatch.id);
  }

  private async work(dispatchId: string): Promise<void> {
    await this.send('dispatch:received', { actionId: randomUUID(), dispatchId });
    for (const to of STEPS) {
      if (this.stopped) return;
      const actionId = randomUUID();
      await this.send('dispatch:step', { actionId, dispatchId, to });
      this.acked.push({ dispatchId, teamId: this.teamId, to, actionId });
      await sleep(300);
    }
  }

  private async report(): Promise<void> {
    if (!this.socket.connected || !this.synced) return;
    const t = Date.now();
    const jitter = () => (Math.random() - 0.5) * 0.002;
    try {
      const ack = await (this.socket.timeout(3_000) as unknown as { emitWithAck(n: string, p: unknown): Promise<Ack<{ accepted: boolean }>> }).emitWithAck('position:report', {
        lat: this.home.lat + jitter(),
        lon: this.home.lon + jitter(),
        t,
        accuracy: 8,
      });
      if (ack.ok && ack.data.accepted) this.acceptedFixes.push(t);
    } catch {
      // a position is sent again with the next one, as the tablet does
    }
  }
}
