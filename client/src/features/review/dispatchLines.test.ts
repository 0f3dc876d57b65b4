import { describe, expect, it } from 'vitest';
import type { Actor } from '@shared/schemas/actor';
import type { AssignmentState, Dispatch } from '@shared/schemas/dispatch';
import type { DomainEvent } from '@shared/schemas/event';
import { applyToScene, emptyScene } from '@shared/replay/scene';
import { DispatchLines, fadeMsAt } from './dispatchLines';

const DESK: Actor = { type: 'user', id: 'u-desk', name: '值班员' };
const T0 = Date.parse('2025-09-15T00:00:00.000Z');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
let seq = 0;

function assigned(id: string, teamId: string, at: number): DomainEvent {
  const dispatch: Dispatch = {
    id,
    taskType: 'rescue',
    priority: 'urgent',
    destination: { lat: 29.3, lon: 121.9, township: '石浦镇', label: `目的地${id}` },
    instructions: '',
    incidentId: null,
    createdBy: DESK,
    createdAt: iso(at),
    reassignedFrom: null,
    exercise: false,
    assignments: [{ teamId, state: 'created', queued: false, reason: null, channel: null, outcome: null, createdAt: iso(at), updatedAt: iso(at), updatedBy: DESK }],
  };
  return { seq: ++seq, at: iso(at), type: 'dispatch.assigned', actor: DESK, payload: { dispatch, teamId, queue: [id] } };
}

function stepped(dispatchId: string, teamId: string, from: AssignmentState, state: AssignmentState, at: number): DomainEvent {
  return {
    seq: ++seq,
    at: iso(at),
    type: 'dispatch.stepped',
    actor: DESK,
    payload: {
      dispatchId,
      teamId,
      step: { dispatchId, teamId, from, state, at: iso(at), actor: DESK, channel: null, reason: null },
      assignment: { teamId, state, queued: false, reason: null, channel: null, outcome: null, createdAt: iso(T0), updatedAt: iso(at), updatedBy: DESK },
      queue: [],
    },
  };
}

/** d1 (甲队) assigned at 0, en route at 10 min, completed at 30 min; d2 (乙队) assigned at 20 min, cancelled at 40 min. */
const log = (): DomainEvent[] => [
  assigned('d1', 't-a', T0),
  stepped('d1', 't-a', 'created', 'en_route', T0 + 10 * MIN),
  assigned('d2', 't-b', T0 + 20 * MIN),
  stepped('d1', 't-a', 'en_route', 'completed', T0 + 30 * MIN),
  stepped('d2', 't-b', 'created', 'cancelled', T0 + 40 * MIN),
];

/** A replay opened at `at`: the scene folded from the log up to it (as the server answers a seek), the rest pending. */
function openAt(at: number, events = log()) {
  const scene = emptyScene(iso(at));
  for (const e of events) if (Date.parse(e.at) <= at) applyToScene(scene, e);
  const lines = new DispatchLines();
  return { scene, lines, pending: events.filter((e) => Date.parse(e.at) > at) };
}

const FADE = 4 * MIN;
const openIds = (r: ReturnType<typeof openAt>) => r.lines.open(r.scene).map((d) => `${d.dispatchId}:${d.state}`).sort();
const fadingIds = (r: ReturnType<typeof openAt>, t: number) => r.lines.fadingAt(t, FADE).map((c) => `${c.dispatch.dispatchId}:${c.dispatch.state}`);

describe('replay dispatch lines: which dispatches a frame draws', () => {
  it('plays forward: a dispatch draws from its assignment until it closes, then fades out', () => {
    const r = openAt(T0 - MIN);
    const at = (t: number) => r.lines.applyUntil(r.scene, r.pending, t);
    expect(openIds(r)).toEqual([]);
    at(T0 + 5 * MIN);
    expect(openIds(r)).toEqual(['d1:created']);
    at(T0 + 25 * MIN);
    expect(openIds(r)).toEqual(['d1:en_route', 'd2:created']);
    expect(fadingIds(r, T0 + 25 * MIN)).toEqual([]);
    at(T0 + 32 * MIN);
    expect(openIds(r)).toEqual(['d2:created']);
    expect(fadingIds(r, T0 + 32 * MIN)).toEqual(['d1:completed']);
    at(T0 + 41 * MIN);
    expect(openIds(r)).toEqual([]);
    // d1 closed 11 minutes ago, past the fade; d2 a minute ago.
    expect(fadingIds(r, T0 + 41 * MIN)).toEqual(['d2:cancelled']);
    expect(fadingIds(r, T0 + 44 * MIN)).toEqual([]);
    expect(r.pending).toEqual([]);
  });

  it('takes a dispatch assigned exactly at t as open, and one closed exactly at t as closed', () => {
    const r = openAt(T0 - MIN);
    r.lines.applyUntil(r.scene, r.pending, T0 + 20 * MIN);
    expect(openIds(r)).toContain('d2:created');
    r.lines.applyUntil(r.scene, r.pending, T0 + 30 * MIN);
    expect(openIds(r)).toEqual(['d2:created']);
    expect(r.lines.fadingAt(T0 + 30 * MIN, FADE)).toEqual([expect.objectContaining({ closedAt: T0 + 30 * MIN })]);
    // Only the events up to t are applied: d2's cancellation waits.
    expect(r.pending.map((e) => e.type)).toEqual(['dispatch.stepped']);
  });

  it('seeks backwards: starts again from the scene at the earlier time, with nothing left fading from later', () => {
    const late = openAt(T0 - MIN);
    late.lines.applyUntil(late.scene, late.pending, T0 + 32 * MIN);
    expect(fadingIds(late, T0 + 32 * MIN)).toEqual(['d1:completed']);
    // The store's seek: the same DispatchLines reset, the server's scene at the new time, the pages from there.
    const back = openAt(T0 + 15 * MIN);
    late.lines.reset();
    const again = { ...back, lines: late.lines };
    expect(openIds(again)).toEqual(['d1:en_route']);
    expect(fadingIds(again, T0 + 15 * MIN)).toEqual([]);
    again.lines.applyUntil(again.scene, again.pending, T0 + 31 * MIN);
    expect(openIds(again)).toEqual(['d2:created']);
    expect(fadingIds(again, T0 + 31 * MIN)).toEqual(['d1:completed']);
  });

  it('over a long response, a frame sees only the open and the recently closed, however many closed before', () => {
    const events: DomainEvent[] = [];
    for (let i = 0; i < 4_800; i++) {
      const start = T0 + i * 18_000;
      events.push(assigned(`b${i}`, `t${i % 200}`, start), stepped(`b${i}`, `t${i % 200}`, 'created', 'completed', start + 60 * MIN));
    }
    events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const r = openAt(T0 - MIN, events);
    const noon = T0 + 12 * 60 * MIN;
    r.lines.applyUntil(r.scene, r.pending, noon);
    // One assigned every 18 s, each open an hour: 200 open at noon; fading, the one closed at noon and the 13 before it within 4 minutes.
    expect(r.lines.open(r.scene)).toHaveLength(200);
    expect(r.lines.fadingAt(noon, FADE)).toHaveLength(14);
    r.lines.applyUntil(r.scene, r.pending, noon + 10 * MIN);
    expect(r.lines.fadingAt(noon + 10 * MIN, FADE).every((c) => c.closedAt > noon + 6 * MIN)).toBe(true);
  });

  it('fades for about three seconds of watching, at least two replay minutes', () => {
    expect(fadeMsAt(1)).toBe(2 * MIN);
    expect(fadeMsAt(600)).toBe(30 * MIN);
  });
});
