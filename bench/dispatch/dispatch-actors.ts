import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../../shared/ack';
import type { DomainEvent } from '../../shared/schemas/event';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/socket';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface PhaseResult {
  created: number;
  /** Desk POST → the tablet's `dispatch.assigned` push, ms. */
  receive: number[];
  /** Tablet step (receipt confirmation and accept) → the desk's `dispatch.stepped` push, ms. */
  step: number[];
  lostDispatches: number;
  lostSteps: number;
  failedRequests: number;
}

const TAG = 'bench:';

function connect(url: string, token: string): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, { auth: { token }, transports: ['websocket'], forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => socket.emit('sync:hello', { lastSeq: null }, (ack: Ack<unknown>) => (ack.ok ? resolve(socket) : reject(new Error('sync:hello refused')))));
    socket.once('connect_error', reject);
  });
}

/**
 * The desk (HTTP to create, a board socket to watch steps) and the tablets of the teams it dispatches
 * to. A tablet confirms receipt, accepts, and works its dispatch to completion, one dispatch at a time,
 * so its queue stays short as in real use.
 */
export class DispatchActors {
  private sentAt = new Map<string, number>();
  private stepSentAt = new Map<string, number>();
  private result: PhaseResult = emptyResult();
  private work = new Map<string, Promise<void>>();

  private constructor(
    private readonly baseUrl: string,
    private readonly deskToken: string,
    private readonly desk: ClientSocket,
    private readonly tablets: Map<string, ClientSocket>,
  ) {
    desk.on('sync:event', (event) => this.onDeskEvent(event));
    for (const [teamId, tablet] of tablets) tablet.on('sync:event', (event) => this.onTabletEvent(teamId, tablet, event));
  }

  static async connect(baseUrl: string, deskToken: string, tabletTokens: Map<string, string>): Promise<DispatchActors> {
    const desk = await connect(baseUrl, deskToken);
    const tablets = new Map<string, ClientSocket>();
    for (const [teamId, token] of tabletTokens) tablets.set(teamId, await connect(baseUrl, token));
    return new DispatchActors(baseUrl, deskToken, desk, tablets);
  }

  /** Creates dispatches at `rate` per second for `durationMs`, round robin over the teams; waits for stragglers. */
  async runPhase(rate: number, durationMs: number, settleMs = 3_000): Promise<PhaseResult> {
    this.result = emptyResult();
    this.sentAt.clear();
    this.stepSentAt.clear();
    const teams = [...this.tablets.keys()];
    const started = performance.now();
    const creates: Array<Promise<void>> = [];
    for (let n = 0; performance.now() - started < durationMs; n++) {
      const due = started + (n * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      creates.push(this.create(`${TAG}${n}`, teams[n % teams.length]!));
    }
    await Promise.all(creates);
    await new Promise((r) => setTimeout(r, settleMs));
    this.result.lostDispatches = this.sentAt.size;
    this.result.lostSteps = this.stepSentAt.size;
    return this.result;
  }

  close(): void {
    this.desk.close();
    for (const tablet of this.tablets.values()) tablet.close();
  }

  private async create(tag: string, teamId: string): Promise<void> {
    const body = { actionId: randomUUID(), teamIds: [teamId], taskType: 'patrol', priority: 'routine', destination: { lat: 29.44, lon: 121.87, label: '压测巡查点' }, instructions: tag };
    this.sentAt.set(tag, performance.now());
    this.result.created++;
    try {
      const res = await fetch(`${this.baseUrl}/api/dispatches`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${this.deskToken}` }, body: JSON.stringify(body) });
      if (!((await res.json()) as Ack<unknown>).ok) this.result.failedRequests++;
    } catch {
      this.result.failedRequests++;
    }
  }

  private onTabletEvent(teamId: string, tablet: ClientSocket, event: DomainEvent): void {
    if (event.type !== 'dispatch.assigned' || !event.payload.dispatch.instructions.startsWith(TAG)) return;
    const sent = this.sentAt.get(event.payload.dispatch.instructions);
    if (sent === undefined) return;
    this.sentAt.delete(event.payload.dispatch.instructions);
    this.result.receive.push(performance.now() - sent);
    const dispatchId = event.payload.dispatch.id;
    const previous = this.work.get(teamId) ?? Promise.resolve();
    this.work.set(teamId, previous.then(() => this.workThrough(tablet, dispatchId)));
  }

  private async workThrough(tablet: ClientSocket, dispatchId: string): Promise<void> {
    await this.request(tablet, 'dispatch:received', { actionId: randomUUID(), dispatchId }, `${dispatchId}:delivered`);
    await this.request(tablet, 'dispatch:step', { actionId: randomUUID(), dispatchId, to: 'accepted' }, `${dispatchId}:accepted`);
    for (const to of ['en_route', 'on_scene', 'completed'] as const) await this.request(tablet, 'dispatch:step', { actionId: randomUUID(), dispatchId, to }, null);
  }

  private async request(tablet: ClientSocket, name: 'dispatch:received' | 'dispatch:step', payload: object, measured: string | null): Promise<void> {
    if (measured) this.stepSentAt.set(measured, performance.now());
    const ack = await (tablet.timeout(10_000).emitWithAck as unknown as (n: string, p: object) => Promise<Ack<unknown>>).call(tablet.timeout(10_000), name, payload).catch(() => null);
    if (!ack?.ok) this.result.failedRequests++;
  }

  private onDeskEvent(event: DomainEvent): void {
    if (event.type !== 'dispatch.stepped') return;
    const key = `${event.payload.dispatchId}:${event.payload.step.state}`;
    const sent = this.stepSentAt.get(key);
    if (sent === undefined) return;
    this.stepSentAt.delete(key);
    this.result.step.push(performance.now() - sent);
  }
}

const emptyResult = (): PhaseResult => ({ created: 0, receive: [], step: [], lostDispatches: 0, lostSteps: 0, failedRequests: 0 });
