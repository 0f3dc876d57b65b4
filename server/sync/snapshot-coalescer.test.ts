import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/enums';
import type { Snapshot } from '../../shared/schemas/sync';
import type { Principal } from '../auth/principal';
import { SnapshotCoalescer } from './snapshot-coalescer';

const viewer = (role: Role, teamId: string | null = null, n = 1): Principal => ({
  userId: `u${n}`,
  username: `user-${n}`,
  displayName: 'x',
  role,
  teamId,
  sessionId: `s${n}`,
  expiresAt: '2099-01-01T00:00:00Z',
});

/** A snapshot source whose builds the test finishes by hand; `seq` is the state a build would read. */
function source() {
  const builds: Array<{ viewer: Principal; seqAtStart: number; finish: () => void }> = [];
  let seq = 0;
  const build = (v: Principal) =>
    new Promise<Snapshot>((resolve) => {
      const seqAtStart = seq;
      builds.push({ viewer: v, seqAtStart, finish: () => resolve({ seq: seqAtStart } as Snapshot) });
    });
  return { builds, build, commit: () => seq++ };
}

/** Lets queued builds start (they wait a turn of the event loop). */
const settle = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
};

describe('snapshot coalescer', () => {
  it('serves 1,000 concurrent identical requests with one build', async () => {
    const s = source();
    const coalescer = new SnapshotCoalescer(s.build);
    const answers = Array.from({ length: 1_000 }, (_, i) => coalescer.get(viewer('wall', null, i)));
    await settle();
    expect(s.builds).toHaveLength(1);
    s.builds[0]!.finish();
    const snapshots = await Promise.all(answers);
    expect(new Set(snapshots).size).toBe(1);
  });

  it('never starts a build inside the request that asked for it', () => {
    const s = source();
    void new SnapshotCoalescer(s.build).get(viewer('commander'));
    expect(s.builds).toHaveLength(0);
  });

  it('builds separately for what differs: the admin, other staff, the wall kiosks (no contacts), each team', async () => {
    const s = source();
    const coalescer = new SnapshotCoalescer(s.build);
    for (const v of [viewer('admin'), viewer('commander'), viewer('wall'), viewer('duty_officer'), viewer('field', 't1'), viewer('field', 't1', 2), viewer('field', 't2')]) void coalescer.get(v);
    await settle();
    expect(s.builds.map((b) => b.viewer.role === 'field' ? `field:${b.viewer.teamId}` : b.viewer.role)).toEqual(['admin', 'commander', 'wall', 'field:t1', 'field:t2']);
  });

  it('gives a request that arrives after a build started the next build, which sees later changes', async () => {
    const s = source();
    const coalescer = new SnapshotCoalescer(s.build);
    const early = coalescer.get(viewer('wall'));
    await settle();
    s.commit(); // an event committed after the first build read its seq, before the late screen joined
    const late = [coalescer.get(viewer('wall', null, 2)), coalescer.get(viewer('wall', null, 3))];
    await settle();
    expect(s.builds).toHaveLength(1); // one build at a time per audience: the late ones wait
    s.builds[0]!.finish();
    expect((await early).seq).toBe(0);
    await settle();
    expect(s.builds).toHaveLength(2);
    s.builds[1]!.finish();
    expect((await Promise.all(late)).map((x) => x.seq)).toEqual([1, 1]);
  });

  it('lets the next build run after one fails', async () => {
    let calls = 0;
    const coalescer = new SnapshotCoalescer(async () => {
      calls++;
      if (calls === 1) throw new Error('disk');
      return { seq: 7 } as Snapshot;
    });
    await expect(coalescer.get(viewer('wall'))).rejects.toThrow('disk');
    expect((await coalescer.get(viewer('wall'))).seq).toBe(7);
  });
});
