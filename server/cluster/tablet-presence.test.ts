import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TabletPresence, type LocalTablets, type TabletPresenceStore } from './tablet-presence';

const TIMING = { heartbeatMs: 2_000, ttlMs: 8_000 };

/** One instance's socket rooms: the teams whose tablet is connected to it. */
class Rooms implements LocalTablets {
  private readonly teams = new Set<string>();
  private listener: () => void = () => undefined;
  connectedTeams = () => [...this.teams];
  onTeamRoomsChanged(listener: () => void): void {
    this.listener = listener;
  }
  connect(teamId: string): void {
    this.teams.add(teamId);
    this.listener();
  }
  disconnect(teamId: string): void {
    this.teams.delete(teamId);
    this.listener();
  }
}

/** Entries shared by every instance, each ending at its TTL as Redis keys do; one instance's link to it can be cut. */
class SharedEntries {
  private readonly entries = new Map<string, { teams: readonly string[]; until: number }>();
  linkFor(): TabletPresenceStore & { up: boolean } {
    const link = {
      up: true,
      publish: async (id: string, teams: readonly string[], ttlMs: number) => {
        if (!link.up) throw new Error('Redis unreachable');
        this.entries.set(id, { teams, until: Date.now() + ttlMs });
      },
      readOthers: async (id: string) => {
        if (!link.up) throw new Error('Redis unreachable');
        return [...this.entries].filter(([other, e]) => other !== id && e.until > Date.now()).flatMap(([, e]) => e.teams);
      },
      remove: async (id: string) => void this.entries.delete(id),
    };
    return link;
  }
}

describe('tablet presence across instances', () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-09-14T08:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  const logged: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line).msg) });

  function instance(shared: SharedEntries) {
    const rooms = new Rooms();
    const link = shared.linkFor();
    const presence = new TabletPresence({ store: link, logger, timing: TIMING });
    presence.start(rooms);
    return { rooms, link, presence };
  }

  it('counts a team whose tablet is connected to another instance, and stops once it disconnects there', async () => {
    const shared = new SharedEntries();
    const [a, b] = [instance(shared), instance(shared)];
    a.rooms.connect('team-1');
    await vi.advanceTimersByTimeAsync(TIMING.heartbeatMs);
    expect(b.presence.connectedElsewhere('team-1')).toBe(true);
    expect(b.presence.connectedElsewhere('team-2')).toBe(false);
    // Its own tablets are the socket server's to answer, from its rooms.
    expect(a.presence.connectedElsewhere('team-1')).toBe(false);

    a.rooms.disconnect('team-1');
    await vi.advanceTimersByTimeAsync(TIMING.heartbeatMs);
    expect(b.presence.connectedElsewhere('team-1')).toBe(false);

    a.rooms.connect('team-1');
    await vi.advanceTimersByTimeAsync(TIMING.heartbeatMs);
    expect(b.presence.connectedElsewhere('team-1')).toBe(true);
    await a.presence.close();
    await vi.advanceTimersByTimeAsync(TIMING.heartbeatMs);
    expect(b.presence.connectedElsewhere('team-1')).toBe(false);
    await b.presence.close();
  });

  it('without Redis, keeps the last view until it is a TTL old, then counts only local tablets; logs the outage once', async () => {
    const shared = new SharedEntries();
    const [a, b] = [instance(shared), instance(shared)];
    a.rooms.connect('team-1');
    await vi.advanceTimersByTimeAsync(TIMING.heartbeatMs);
    expect(b.presence.connectedElsewhere('team-1')).toBe(true);

    logged.length = 0;
    b.link.up = false;
    await vi.advanceTimersByTimeAsync(TIMING.ttlMs - TIMING.heartbeatMs);
    expect(b.presence.connectedElsewhere('team-1')).toBe(true);
    await vi.advanceTimersByTimeAsync(TIMING.heartbeatMs * 2);
    expect(b.presence.connectedElsewhere('team-1')).toBe(false);
    expect(logged.filter((msg) => msg.includes('Redis unreachable'))).toHaveLength(1);

    b.link.up = true;
    await vi.advanceTimersByTimeAsync(TIMING.heartbeatMs);
    expect(b.presence.connectedElsewhere('team-1')).toBe(true);
    expect(logged.filter((msg) => msg.includes('Redis reachable again'))).toHaveLength(1);
    await Promise.all([a.presence.close(), b.presence.close()]);
  });

  it('forgets an instance that stopped publishing (killed, or cut off from Redis) once its entry ends', async () => {
    const shared = new SharedEntries();
    const [a, b] = [instance(shared), instance(shared)];
    a.rooms.connect('team-1');
    await vi.advanceTimersByTimeAsync(TIMING.heartbeatMs);
    a.link.up = false;
    await vi.advanceTimersByTimeAsync(TIMING.ttlMs - TIMING.heartbeatMs);
    expect(b.presence.connectedElsewhere('team-1')).toBe(true);
    await vi.advanceTimersByTimeAsync(TIMING.heartbeatMs * 2);
    expect(b.presence.connectedElsewhere('team-1')).toBe(false);
    await Promise.all([a.presence.close(), b.presence.close()]);
  });
});
