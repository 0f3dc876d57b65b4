import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shell/api/apiError';
import { CameraFeed, type FeedConsumer, type FeedSource, type FeedTimers, type FeedView } from './cameraFeed';

/** A relay stand-in: each consume() waits until the test answers it. */
class FakeRelay implements FeedSource {
  readonly pending: Array<{ resolve: (c: FeedConsumer) => void; reject: (e: unknown) => void }> = [];
  readonly made: FakeConsumer[] = [];
  consume(): Promise<FeedConsumer> {
    return new Promise((resolve, reject) => this.pending.push({ resolve, reject }));
  }
  answer(): FakeConsumer {
    const consumer = new FakeConsumer(`c${this.made.length + 1}`);
    this.made.push(consumer);
    this.pending.shift()!.resolve(consumer);
    return consumer;
  }
  refuse(error: unknown): void {
    this.pending.shift()!.reject(error);
  }
}

class FakeConsumer implements FeedConsumer {
  readonly track = {} as MediaStreamTrack;
  readonly pauses: boolean[] = [];
  closed: 'here' | 'both' | null = null;
  failPause = false;
  constructor(readonly id: string) {}
  setPaused(paused: boolean): Promise<void> {
    this.pauses.push(paused);
    return this.failPause ? Promise.reject(new ApiError('NOT_FOUND', 'gone')) : Promise.resolve();
  }
  close(tellServer: boolean): void {
    this.closed = tellServer ? 'both' : 'here';
  }
  getStats(): Promise<RTCStatsReport> {
    return Promise.resolve(new Map() as unknown as RTCStatsReport);
  }
}

class ManualTimers implements FeedTimers {
  readonly waiting = new Map<number, { fn: () => void; ms: number }>();
  private next = 1;
  set(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.waiting.set(id, { fn, ms });
    return id;
  }
  clear(handle: unknown): void {
    this.waiting.delete(handle as number);
  }
  fireAll(): void {
    const due = [...this.waiting.values()];
    this.waiting.clear();
    for (const t of due) t.fn();
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const relay = new FakeRelay();
  const timers = new ManualTimers();
  const views: FeedView[] = [];
  const feed = new CameraFeed('cam-1', relay, (v) => views.push(v), timers, (attempt) => 1000 * 2 ** attempt);
  const phase = () => feed.view.phase;
  return { relay, timers, feed, phase, views };
}

describe('a video tile’s feed', () => {
  it('consumes only while the camera is online and the socket is up, and resumes the paused consumer when seen', async () => {
    const { relay, feed, phase } = setup();
    feed.update({ online: true, ready: false, visible: true });
    expect(relay.pending).toHaveLength(0);
    feed.update({ ready: true });
    expect(phase()).toBe('starting');
    const consumer = relay.answer();
    await flush();
    expect(consumer.pauses).toEqual([false]);
    expect(phase()).toBe('live');
    expect(feed.view.consumer).toBe(consumer);
  });

  it('pauses the consumer while hidden and resumes it when shown again, without consuming anew', async () => {
    const { relay, feed, phase } = setup();
    feed.update({ online: true, ready: true, visible: false });
    const consumer = relay.answer();
    await flush();
    expect(consumer.pauses).toEqual([]);
    expect(phase()).toBe('paused');
    feed.update({ visible: true });
    await flush();
    feed.update({ visible: false });
    await flush();
    expect(consumer.pauses).toEqual([false, true]);
    expect(phase()).toBe('paused');
    expect(relay.made).toHaveLength(1);
  });

  it('after the relay closes its consumer, waits for the camera to come back online and consumes again', async () => {
    const { relay, feed, phase } = setup();
    feed.update({ online: true, ready: true, visible: true });
    const first = relay.answer();
    await flush();
    feed.update({ online: false });
    feed.consumerClosed(first.id);
    expect(first.closed).not.toBeNull();
    expect(phase()).toBe('waiting');
    expect(relay.pending).toHaveLength(0);
    feed.update({ online: true });
    const second = relay.answer();
    await flush();
    expect(phase()).toBe('live');
    expect(feed.view.consumer).toBe(second);
  });

  it('ignores a consumer_closed for a consumer it no longer holds', async () => {
    const { relay, feed } = setup();
    feed.update({ online: true, ready: true, visible: true });
    const consumer = relay.answer();
    await flush();
    feed.consumerClosed('someone-else');
    expect(feed.view.consumer).toBe(consumer);
    expect(consumer.closed).toBeNull();
  });

  it('retries with growing delays while the relay refuses, and stops retrying when the camera goes offline', async () => {
    const { relay, timers, feed, phase } = setup();
    feed.update({ online: true, ready: true, visible: true });
    relay.refuse(new ApiError('CAMERA_OFFLINE', 'not yet'));
    await flush();
    expect(phase()).toBe('retrying');
    expect(feed.view.error).toBe('CAMERA_OFFLINE');
    expect([...timers.waiting.values()].map((t) => t.ms)).toEqual([1000]);
    timers.fireAll();
    relay.refuse(new ApiError('TIMEOUT', 'slow'));
    await flush();
    expect([...timers.waiting.values()].map((t) => t.ms)).toEqual([2000]);
    feed.update({ online: false });
    expect(timers.waiting.size).toBe(0);
    expect(phase()).toBe('waiting');
  });

  it('after the session is lost, drops its consumer without asking the (gone) relay and consumes again once ready', async () => {
    const { relay, feed, phase } = setup();
    feed.update({ online: true, ready: true, visible: true });
    const first = relay.answer();
    await flush();
    feed.update({ ready: false });
    feed.sessionReset();
    expect(first.closed).toBe('here');
    expect(phase()).toBe('waiting');
    feed.update({ ready: true });
    relay.answer();
    await flush();
    expect(phase()).toBe('live');
  });

  it('closes a consumer that arrives after the camera went offline, and one held when disposed', async () => {
    const { relay, feed } = setup();
    feed.update({ online: true, ready: true, visible: true });
    feed.update({ online: false });
    const late = relay.answer();
    await flush();
    expect(late.closed).toBe('both');
    expect(feed.view.consumer).toBeNull();

    feed.update({ online: true });
    const held = relay.answer();
    await flush();
    feed.dispose();
    expect(held.closed).toBe('both');
  });

  it('starts over with a new consumer when resuming fails', async () => {
    const { relay, timers, feed } = setup();
    feed.update({ online: true, ready: true, visible: false });
    const first = relay.answer();
    await flush();
    first.failPause = true;
    feed.update({ visible: true });
    await flush();
    expect(first.closed).toBe('both');
    expect(feed.view.phase).toBe('retrying');
    timers.fireAll();
    const second = relay.answer();
    await flush();
    expect(second.pauses).toEqual([false]);
    expect(feed.view.phase).toBe('live');
  });
});
