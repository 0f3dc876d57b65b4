import { describe, expect, it } from 'vitest';
import { depot } from './testFixtures';
import { incident } from '../incidents/testFixtures';
import { shelter } from '../shelters/testFixtures';
import { assignment, dispatch } from '../dispatches/testFixtures';
import { carrierChoices, dispatchStartFor } from './runDispatch';

const minute = (m: number) => `2025-08-01T01:${String(m).padStart(2, '0')}:00.000Z`;

describe('dispatches that can carry a supply run', () => {
  const list = [
    dispatch('rescue-new', [assignment('t1', 'en_route')], { createdAt: minute(30) }),
    dispatch('supply-old', [assignment('t2', 'accepted')], { taskType: 'supply_run', createdAt: minute(10) }),
    dispatch('done', [assignment('t3', 'completed'), assignment('t4', 'declined')], { taskType: 'supply_run', createdAt: minute(40) }),
    dispatch('for-incident', [assignment('t5', 'completed'), assignment('t6', 'on_scene')], { incidentId: 'i1', createdAt: minute(5) }),
    dispatch('supply-for-incident', [assignment('t7', 'created')], { taskType: 'supply_run', incidentId: 'i1', createdAt: minute(1) }),
  ];

  it('offers only dispatches a team is still on: supply tasks first, then newest first', () => {
    const ids = carrierChoices(list, { destinationType: 'shelter', destinationId: 's1' }).map((d) => d.id);
    expect(ids).toEqual(['supply-old', 'supply-for-incident', 'rescue-new', 'for-incident']);
  });

  it('puts dispatches serving the run’s incident ahead of others of the same kind', () => {
    const ids = carrierChoices(list, { destinationType: 'incident', destinationId: 'i1' }).map((d) => d.id);
    expect(ids).toEqual(['supply-for-incident', 'supply-old', 'for-incident', 'rescue-new']);
  });
});

describe('a new dispatch for a supply run', () => {
  const places = {
    depot: (id: string) => (id === 'd2' ? depot('d2') : undefined),
    shelter: (id: string) => (id === 's1' ? shelter('s1', { name: '丹城实验小学', township: '丹东街道', location: { lat: 29.476, lon: 121.87 } }) : undefined),
    incident: (id: string) => (id === 'i1' ? incident('i1', { title: '石浦渔港渔船走锚', place: '', location: null, township: '石浦镇' }) : undefined),
  };

  it('heads a 物资运送 task for the shelter, with the instructions given', () => {
    expect(dispatchStartFor({ destinationType: 'shelter', destinationId: 's1' }, places, '帐篷 10顶')).toEqual({
      label: '丹城实验小学',
      point: { lat: 29.476, lon: 121.87 },
      township: '丹东街道',
      taskType: 'supply_run',
      incidentId: null,
      instructions: '帐篷 10顶',
    });
  });

  it('links an incident destination and falls back to its township when it has no point', () => {
    expect(dispatchStartFor({ destinationType: 'incident', destinationId: 'i1' }, places, '')).toMatchObject({
      label: '石浦渔港渔船走锚',
      point: null,
      township: '石浦镇',
      incidentId: 'i1',
    });
    expect(dispatchStartFor({ destinationType: 'depot', destinationId: 'd2' }, places, '')).toMatchObject({ label: '仓库d2', incidentId: null });
  });

  it('has nothing to start from while the destination is unknown', () => {
    expect(dispatchStartFor({ destinationType: 'shelter', destinationId: '' }, places, '')).toBeNull();
    expect(dispatchStartFor({ destinationType: 'incident', destinationId: 'gone' }, places, '')).toBeNull();
  });
});
