import { describe, expect, it } from 'vitest';
import type { MapOption } from './mapOption';
import { stepSetter } from './stackedMap';

const step = (id: string): MapOption => ({ series: [{ id, type: 'scatter' }] });
const idOf = (option: MapOption) => (option.series as Array<{ id: string }>)[0]!.id;

describe('the top chart set in steps', () => {
  it('sets each step in a task of its own, the first in the task after the one that built the draw', async () => {
    const set: string[] = [];
    const steps = stepSetter((o) => set.push(idOf(o)));
    const done = steps.set([step('a'), step('b'), step('c')]);
    expect(set).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(set).toEqual(['a']);
    await done;
    expect(set).toEqual(['a', 'b', 'c']);
  });

  it('never sets a newer draw before what an older one still has waiting', async () => {
    const set: string[] = [];
    const steps = stepSetter((o) => set.push(idOf(o)));
    const older = steps.set([step('old-1'), step('old-2'), step('old-3')]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(set).toEqual(['old-1']);
    const newer = steps.set([step('new-1'), step('new-2')]);
    expect(set).toEqual(['old-1', 'old-2', 'old-3']);
    await Promise.all([older, newer]);
    expect(set).toEqual(['old-1', 'old-2', 'old-3', 'new-1', 'new-2']);
  });

  it('sets nothing more once closed (the map was taken down)', async () => {
    const set: string[] = [];
    const steps = stepSetter((o) => set.push(idOf(o)));
    const done = steps.set([step('a'), step('b')]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    steps.close();
    await done;
    expect(set).toEqual(['a']);
  });
});
