import { describe, expect, it } from 'vitest';
import type { AssignmentState } from '@shared/schemas/dispatch';
import type { ClosedDispatch, SceneDispatch } from './dispatchLines';
import { LINE_LOOKS, dispatchLineSeries, lineSeriesId, type LineEmphasis, type LineLook } from './dispatchLineSeries';

const MIN = 60_000;
const T = Date.parse('2025-09-15T12:00:00.000Z');
const dispatch = (id: string, teamId: string, state: AssignmentState = 'created'): SceneDispatch => ({ dispatchId: id, teamId, state, priority: 'urgent', destination: { lat: 29.5, lon: 122, label: id } });
const positions: Record<string, { lon: number; lat: number }> = { 't-a': { lon: 121.1, lat: 29.1 }, 't-b': { lon: 121.2, lat: 29.2 }, 't-c': { lon: 121.3, lat: 29.3 } };
const unitAt = (id: string) => positions[id];
const noAlarms: LineEmphasis = { alarmedTeams: new Set(), overdue: new Set() };
const options = { on: true, t: T, fadeMs: 4 * MIN, emphasis: noAlarms };

type Series = ReturnType<typeof dispatchLineSeries>;
const dataOf = (all: Series, look: LineLook) => Array.from(all.find((s) => s.id === lineSeriesId(look))!.data as unknown as Float64Array);
const linesOf = (all: Series, look: LineLook) => dataOf(all, look).length / 5;

describe('replay dispatch line series', () => {
  it('draws each line as flat numbers in the series of its look: from the unit to the destination', () => {
    const all = dispatchLineSeries([dispatch('d1', 't-a'), dispatch('d2', 't-b', 'en_route'), dispatch('d3', 't-c', 'on_scene')], [], unitAt, options);
    expect(dataOf(all, 'waiting')).toEqual([2, 121.1, 29.1, 122, 29.5]);
    expect(dataOf(all, 'moving')).toEqual([2, 121.2, 29.2, 122, 29.5]);
    expect(dataOf(all, 'on_scene')).toEqual([2, 121.3, 29.3, 122, 29.5]);
    expect(linesOf(all, 'alarm') + linesOf(all, 'closed') + linesOf(all, 'closed-old')).toBe(0);
  });

  it('keeps a fixed handful of large-mode series however many dispatches there are', () => {
    const many = Array.from({ length: 4_800 }, (_, i) => dispatch(`d${i}`, ['t-a', 't-b', 't-c'][i % 3]!, (['created', 'en_route', 'on_scene'] as const)[i % 3]));
    const few = dispatchLineSeries([], [], unitAt, options);
    const all = dispatchLineSeries(many, [], unitAt, options);
    expect(all.map((s) => s.id)).toEqual(few.map((s) => s.id));
    expect(all).toHaveLength(Object.keys(LINE_LOOKS).length);
    for (const s of all) expect(s).toMatchObject({ type: 'lines', large: true, largeThreshold: 1, progressive: 0, animation: false });
    expect(linesOf(all, 'waiting') + linesOf(all, 'moving') + linesOf(all, 'on_scene')).toBe(4_800);
  });

  it('draws an alarmed team’s or an overdue dispatch in red, and not with the alarms layer off', () => {
    const open = [dispatch('d1', 't-a'), dispatch('d2', 't-b'), dispatch('d3', 't-c')];
    const emphasis: LineEmphasis = { alarmedTeams: new Set(['t-a']), overdue: new Set(['d2:t-b']) };
    const all = dispatchLineSeries(open, [], unitAt, { ...options, emphasis });
    expect(dataOf(all, 'alarm')).toEqual([2, 121.1, 29.1, 122, 29.5, 2, 121.2, 29.2, 122, 29.5]);
    expect(dataOf(all, 'waiting')).toEqual([2, 121.3, 29.3, 122, 29.5]);
    expect(linesOf(dispatchLineSeries(open, [], unitAt, { ...options, emphasis: null }), 'alarm')).toBe(0);
  });

  it('fades a closed dispatch: fainter in the second half of the fade', () => {
    const fading: ClosedDispatch[] = [
      { dispatch: dispatch('d1', 't-a', 'completed'), closedAt: T - 3 * MIN },
      { dispatch: dispatch('d2', 't-b', 'cancelled'), closedAt: T - MIN },
    ];
    const all = dispatchLineSeries([], fading, unitAt, options);
    expect(dataOf(all, 'closed-old')).toEqual([2, 121.1, 29.1, 122, 29.5]);
    expect(dataOf(all, 'closed')).toEqual([2, 121.2, 29.2, 122, 29.5]);
    expect(LINE_LOOKS['closed-old'].opacity).toBeLessThan(LINE_LOOKS.closed.opacity);
  });

  it('draws no line for a unit not on the map, and none with the dispatches layer off', () => {
    const open = [dispatch('d1', 't-a'), dispatch('d9', 't-unknown')];
    expect(linesOf(dispatchLineSeries(open, [], unitAt, options), 'waiting')).toBe(1);
    const off = dispatchLineSeries(open, [{ dispatch: dispatch('d2', 't-b', 'completed'), closedAt: T }], unitAt, { ...options, on: false });
    expect(off.every((s) => (s.data as ArrayLike<number>).length === 0)).toBe(true);
  });
});
