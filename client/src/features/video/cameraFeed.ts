import { isApiError, type ClientErrorCode } from '../../shell/api/apiError';
import { backoffDelay } from '@shared/backoff';

/** One consumer of a camera on the relay, as the video session hands it out. */
export interface FeedConsumer {
  readonly id: string;
  readonly track: MediaStreamTrack;
  /** Pauses or resumes the consumer on the server (it starts paused). */
  setPaused(paused: boolean): Promise<void>;
  /** Closes it here and, when `tellServer`, on the relay too (not needed when the relay closed it). */
  close(tellServer: boolean): void;
  getStats(): Promise<RTCStatsReport>;
}

export interface FeedSource {
  consume(cameraId: string): Promise<FeedConsumer>;
}

export interface FeedInputs {
  /** The camera's feed is on the relay (its status is `online`). */
  online: boolean;
  /** The socket is up and synced: the relay holds this page's peer only while it lives. */
  ready: boolean;
  /** The tile can be seen; a hidden tile keeps its consumer but paused. */
  visible: boolean;
}

/**
 * `waiting`: nothing to consume (camera not online, or no connection); `starting`: consuming;
 * `paused`: consumer held but not flowing (hidden, or not resumed yet); `live`: flowing; `retrying`: a try failed.
 */
export type FeedPhase = 'waiting' | 'starting' | 'paused' | 'live' | 'retrying';

export interface FeedView {
  phase: FeedPhase;
  consumer: FeedConsumer | null;
  error: ClientErrorCode | 'MEDIA' | null;
}

export interface FeedTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: FeedTimers = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

/**
 * Keeps one tile's consumer in line with what it is told: consumes when the camera is online and the socket
 * is up, pauses while hidden, drops the consumer when the source goes away or the session is lost, and
 * consumes again (with backoff after failures) when the camera is back. Free of Vue and of mediasoup.
 */
export class CameraFeed {
  private inputs: FeedInputs = { online: false, ready: false, visible: true };
  private consumer: FeedConsumer | null = null;
  /** What the server has: a new consumer is paused until this page resumes it. */
  private pausedOnServer = true;
  private pausing = false;
  private starting = false;
  private attempt = 0;
  private retryTimer: unknown = null;
  /** Invalidates work in flight when what it was for has gone (camera offline, session lost, disposed). */
  private token = 0;
  private error: FeedView['error'] = null;
  private disposed = false;

  constructor(
    readonly cameraId: string,
    private readonly source: FeedSource,
    private readonly onChange: (view: FeedView) => void,
    private readonly timers: FeedTimers = realTimers,
    private readonly delay: (attempt: number) => number = backoffDelay,
  ) {}

  get view(): FeedView {
    return { phase: this.phase(), consumer: this.consumer, error: this.error };
  }

  update(inputs: Partial<FeedInputs>): void {
    this.inputs = { ...this.inputs, ...inputs };
    this.reconcile();
  }

  /** The relay closed a consumer because its source went away; consume again once the camera is back. */
  consumerClosed(consumerId: string): void {
    if (this.consumer?.id !== consumerId) return;
    this.drop(false);
    this.attempt = 0;
    this.reconcile();
  }

  /** The relay no longer has this page's peer or transport: every consumer is gone there. */
  sessionReset(): void {
    this.cancel();
    this.drop(false);
    this.attempt = 0;
    this.reconcile();
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
    this.drop(this.inputs.ready);
  }

  private phase(): FeedPhase {
    if (this.consumer) return this.pausedOnServer ? 'paused' : 'live';
    if (this.starting) return 'starting';
    if (this.retryTimer !== null) return 'retrying';
    return 'waiting';
  }

  private get wanted(): boolean {
    return !this.disposed && this.inputs.online && this.inputs.ready;
  }

  private reconcile(): void {
    if (!this.wanted) {
      this.cancel();
      this.drop(this.inputs.ready);
      this.attempt = 0;
      this.error = null;
      this.emit();
      return;
    }
    if (this.consumer) return this.syncPause();
    if (!this.starting && this.retryTimer === null) void this.start();
  }

  private async start(): Promise<void> {
    const token = ++this.token;
    this.starting = true;
    this.emit();
    try {
      const consumer = await this.source.consume(this.cameraId);
      if (token !== this.token) return consumer.close(this.inputs.ready);
      this.starting = false;
      this.consumer = consumer;
      this.pausedOnServer = true;
      this.attempt = 0;
      this.error = null;
      this.emit();
      this.syncPause();
    } catch (e) {
      if (token !== this.token) return;
      this.starting = false;
      this.fail(e);
    }
  }

  private syncPause(): void {
    const consumer = this.consumer;
    const paused = !this.inputs.visible;
    if (!consumer || this.pausing || paused === this.pausedOnServer) return;
    this.pausing = true;
    consumer.setPaused(paused).then(
      () => {
        this.pausing = false;
        if (consumer !== this.consumer) return;
        this.pausedOnServer = paused;
        this.emit();
        this.syncPause();
      },
      (e: unknown) => {
        this.pausing = false;
        if (consumer !== this.consumer) return;
        // The relay lost it (or did not answer): start over with a new consumer.
        this.drop(true);
        this.fail(e);
      },
    );
  }

  private fail(e: unknown): void {
    this.error = isApiError(e) ? e.code : 'MEDIA';
    this.retryTimer = this.timers.set(() => {
      this.retryTimer = null;
      this.reconcile();
    }, this.delay(this.attempt++));
    this.emit();
  }

  private cancel(): void {
    this.token++;
    this.starting = false;
    if (this.retryTimer !== null) this.timers.clear(this.retryTimer);
    this.retryTimer = null;
  }

  private drop(tellServer: boolean): void {
    const consumer = this.consumer;
    if (!consumer) return;
    this.consumer = null;
    this.pausedOnServer = true;
    consumer.close(tellServer);
    this.emit();
  }

  private emit(): void {
    if (!this.disposed) this.onChange(this.view);
  }
}
