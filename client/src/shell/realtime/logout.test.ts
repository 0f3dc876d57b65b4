import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Camera } from '@shared/schemas/camera';
import type { Device } from '@shared/schemas/device';
import type { User } from '@shared/schemas/user';
import { DEFAULT_WALL_LAYOUT } from '@shared/schemas/wall';
import { depot, item, level, run } from '../../features/supplies/testFixtures';
import { entry, incident } from '../../features/incidents/testFixtures';
import { shelter } from '../../features/shelters/testFixtures';
import { shift } from '../../features/duty/testFixtures';
import { assignment, dispatch } from '../../features/dispatches/testFixtures';
import { createEventRouter } from './eventRouter';
import { SyncSession } from './syncSession';
import { ev, snapshot } from './testFixtures';
import { alarm } from '../../features/alarms/testFixtures';
import { fix } from '../../features/positions/testFixtures';
import { team } from '../../features/teams/testFixtures';
import { clearSyncedState } from './useRealtime';

const at = '2025-08-01T00:00:00.000Z';
const user: User = { id: 'u1', username: 'zhang', displayName: '张三', role: 'duty_officer', teamId: null, disabled: false, createdAt: at };
const device: Device = { id: 'dev1', teamId: 't1', kind: 'osmand', name: '车载', username: null, lastSeenAt: null, rejectedFixes: 0, lastRejectReason: null, battery: null, clockSkewMs: null, thinnedFixes: 0, revoked: false, createdAt: at };
const camera: Camera = { id: 'cam1', name: '石浦港', kind: 'cctv', department: '', location: null, source: { type: 'rtsp', url: 'rtsp://10.0.0.1/stream', codecPolicy: 'h264_passthrough' }, teamId: null, updatedAt: at };

/** Counters that only say "something changed" and hold nothing of a session. */
const BOOKKEEPING = new Set(['resets', 'trailsVersion', 'latestVersion', 'since']);

/** Every store's state, with Maps and Sets written out and counters left aside. */
function stateOf(pinia: Pinia): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(pinia.state.value, (key, value: unknown) => {
      if (BOOKKEEPING.has(key)) return undefined;
      if (value instanceof Map) return [...value.entries()];
      if (value instanceof Set) return [...value];
      return value;
    }),
  );
}

describe('logout', () => {
  let pinia: Pinia;
  beforeEach(() => {
    pinia = createPinia();
    setActivePinia(pinia);
  });

  it('leaves no store holding anything of the previous session', () => {
    const sync = new SyncSession(createEventRouter());
    sync.beginHello();
    sync.completeHello({ mode: 'snapshot', snapshot: snapshot(1), positions: [] });
    const empty = stateOf(pinia);

    sync.beginHello();
    sync.completeHello({
      mode: 'snapshot',
      snapshot: snapshot(10, {
        teams: [team('t1')],
        alarms: [alarm('a1')],
        wallLayout: { ...DEFAULT_WALL_LAYOUT, layers: { ...DEFAULT_WALL_LAYOUT.layers, trails: !DEFAULT_WALL_LAYOUT.layers.trails } },
        users: [user],
        devices: [device],
        dispatches: [dispatch('d1', [assignment('t1')])],
        incidents: [incident('i1')],
        shelters: [shelter('s1')],
        townshipEvacuations: [{ township: '丹东街道', withRelatives: 30, reportedAt: at, reportedBy: '乡镇', exercise: false }],
        depots: [depot('d1')],
        supplyItems: [item('tent')],
        stockLevels: [level('d1', 'tent')],
        supplyRuns: [run('r1')],
        dutyShifts: [shift('sh1', at, '2025-08-01T08:00:00.000Z')],
      }),
      positions: [fix('t1', Date.now())],
    });
    sync.receiveEvent(ev(11, 'duty.log_added', { entry: { id: 'l1', at, kind: 'call_in', summary: '来电', counterpart: '', phone: '', incidentId: null, shiftId: null, actorName: '值班员' } }));
    sync.receiveEvent(ev(12, 'camera.registered', { camera }));
    sync.receiveEvent(ev(13, 'incident.note_added', { incidentId: 'i1', entry: entry('e1', 'i1') }));
    expect(stateOf(pinia)).not.toEqual(empty);

    clearSyncedState();
    const after = stateOf(pinia);
    for (const [store, state] of Object.entries(empty)) expect({ store, state: after[store] }).toEqual({ store, state });
  });
});
