import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { TabletPresenceStore } from './tablet-presence';

const Teams = z.array(z.string());

/**
 * The instances' tablets in Redis: one key per instance holding its teams (expiring unless its heartbeat sets it
 * again, so a killed instance's entry ends by itself), and a set naming the instances, so a read is two commands
 * and never a SCAN over the whole keyspace.
 */
export class RedisTabletPresenceStore implements TabletPresenceStore {
  private readonly instances: string;
  private readonly entryPrefix: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.instances = `${prefix}:tablets:instances`;
    this.entryPrefix = `${prefix}:tablets:of:`;
  }

  async publish(instanceId: string, teams: readonly string[], ttlMs: number): Promise<void> {
    const results = await this.redis
      .multi()
      .set(this.entryPrefix + instanceId, JSON.stringify(teams), 'PX', ttlMs)
      .sadd(this.instances, instanceId)
      // Ends with the last instance: a deployment that is gone leaves nothing behind.
      .pexpire(this.instances, ttlMs)
      .exec();
    const failed = results?.find(([err]) => err)?.[0];
    if (failed) throw failed;
  }

  async readOthers(instanceId: string): Promise<string[]> {
    const others = (await this.redis.smembers(this.instances)).filter((id) => id !== instanceId);
    if (others.length === 0) return [];
    const entries = await this.redis.mget(others.map((id) => this.entryPrefix + id));
    // An instance that ended since (killed, or away past its TTL) is dropped from the set; should it come back
    // between these two commands, its next heartbeat names it again.
    const ended = others.filter((_, i) => entries[i] === null);
    if (ended.length > 0) await this.redis.srem(this.instances, ...ended);
    return entries.flatMap((entry) => (entry === null ? [] : parsedTeams(entry)));
  }

  async remove(instanceId: string): Promise<void> {
    await this.redis.multi().del(this.entryPrefix + instanceId).srem(this.instances, instanceId).exec();
  }
}

/** An entry this build cannot read (another version's format) counts no team rather than failing the read. */
function parsedTeams(entry: string): string[] {
  try {
    const parsed = Teams.safeParse(JSON.parse(entry));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
