import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '@shared/schemas/event';
import type { Fix } from '@shared/schemas/position';
import type { Snapshot } from '@shared/schemas/sync';
import { SyncSession, type SyncSink } from './syncSession';
import { snapshot } from './testFixtures';
import { fix } from '../../features/positions/testFixtures';
import { team, teamUpdated } from '../../features/teams/testFixtures';

function recorder() {
  const log: string[] = [];
  const sink: SyncSink = {
    reset: (s: Snapshot, p: Fix[]) => log.push(`reset:${s.seq}:${p.length}`),
    apply: (e: DomainEvent) => log.push(`apply:${e.seq}`),
    positions: (p: Fix[]) => log.push(`positions:${p.map((f) => f.t).join(',')}`),
  };
  return { log, sink };
}

const ev = (seq: number) => teamUpdated(seq, team('t1'));

describe('SyncSession', () => {
  it('starts with lastSeq null and a snapshot replaces everything', () => {
    const { log, sink } = recorder();
    const s = new SyncSession(sink);
    expect(s.beginHello()).toEqual({ lastSeq: null });
    s.completeHello({ mode: 'snapshot', snapshot: snapshot(7), positions: [fix('t1', 1)] });
    expect(s.lastSeq).toBe(7);
    expect(log).toEqual(['reset:7:1']);
  });

  it('applies pushed events only when seq > lastSeq', () => {
    const { log, sink } = recorder();
    const s = new SyncSession(sink);
    s.beginHello();
    s.completeHello({ mode: 'snapshot', snapshot: snapshot(5), positions: [] });
    s.receiveEvent(ev(5));
    s.receiveEvent(ev(4));
    s.receiveEvent(ev(6));
    s.receiveEvent(ev(6));
    s.receiveEvent(ev(9)); // gaps are normal: events are routed by audience
    expect(log.slice(1)).toEqual(['apply:6', 'apply:9']);
    expect(s.lastSeq).toBe(9);
  });

  it('buffers pushes during a hello and replays the new ones after the ack, in order', () => {
    const { log, sink } = recorder();
    const s = new SyncSession(sink);
    s.beginHello();
    s.receiveEvent(ev(12));
    s.receiveEvent(ev(10)); // already in the snapshot
    s.receiveEvent(ev(11));
    s.receivePositions([fix('t1', 100)]);
    expect(log).toEqual([]);
    expect(s.helloPending).toBe(true);
    s.completeHello({ mode: 'snapshot', snapshot: snapshot(10), positions: [] });
    expect(log).toEqual(['reset:10:0', 'apply:11', 'apply:12', 'positions:100']);
    expect(s.lastSeq).toBe(12);
    expect(s.helloPending).toBe(false);
  });

  it('resyncs by events on reconnect, skipping duplicates from buffer and answer', () => {
    const { log, sink } = recorder();
    const s = new SyncSession(sink);
    s.beginHello();
    s.completeHello({ mode: 'snapshot', snapshot: snapshot(3), positions: [] });
    log.length = 0;

    expect(s.beginHello()).toEqual({ lastSeq: 3 });
    s.receiveEvent(ev(6));
    s.completeHello({ mode: 'events', events: [ev(5), ev(3), ev(4), ev(6)], positions: [fix('t1', 9)] });
    expect(log).toEqual(['apply:4', 'apply:5', 'apply:6', 'positions:9']);
    expect(s.lastSeq).toBe(6);
  });

  it('a later snapshot replaces state even if lastSeq was ahead (server reset)', () => {
    const { log, sink } = recorder();
    const s = new SyncSession(sink);
    s.beginHello();
    s.completeHello({ mode: 'snapshot', snapshot: snapshot(50), positions: [] });
    s.beginHello();
    s.completeHello({ mode: 'snapshot', snapshot: snapshot(2), positions: [] });
    expect(s.lastSeq).toBe(2);
    s.receiveEvent(ev(3));
    expect(log).toEqual(['reset:50:0', 'reset:2:0', 'apply:3']);
  });

  it('drops the buffer when a hello is aborted and keeps lastSeq', () => {
    const { log, sink } = recorder();
    const s = new SyncSession(sink);
    s.beginHello();
    s.completeHello({ mode: 'snapshot', snapshot: snapshot(1), positions: [] });
    s.beginHello();
    s.receiveEvent(ev(2));
    s.abortHello();
    expect(s.helloPending).toBe(false);
    expect(s.lastSeq).toBe(1);
    expect(log).toEqual(['reset:1:0']);
    expect(s.beginHello()).toEqual({ lastSeq: 1 });
  });
});
