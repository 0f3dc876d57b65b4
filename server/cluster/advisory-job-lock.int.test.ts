import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { IntervalJob } from '../jobs/interval-job';
import { silentLogger } from '../positions/test-support';
import { eventually } from '../testing/int-support';
import { AdvisoryJobLock } from './advisory-job-lock';
import { TcpProxy } from './failover-support';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

describe('job ownership on a PostgreSQL advisory lock', () => {
  const namespace = `tw_lock_${randomBytes(5).toString('hex')}`;
  const locks = [0, 1].map(() => new AdvisoryJobLock({ connectionString: PG_URL, namespace, logger: silentLogger, heartbeatMs: 200 }));
  const passes = [0, 0];
  const jobs = locks.map(
    (lock, i) => new IntervalJob({ name: 'unit-silence-watcher', everyMs: 50, pass: async () => void passes[i]!++, whileRunning: 'join', lock, logger: silentLogger }),
  );

  afterAll(async () => {
    for (const job of jobs) await job.close();
    for (const lock of locks) await lock.close();
  });

  it('runs a job on exactly one instance, and another takes over when the holder loses its connection', async () => {
    for (const job of jobs) job.start();
    await eventually(() => passes[0]! + passes[1]! >= 10, 10_000, 'ten passes');
    const holder = passes[0]! > 0 ? 0 : 1;
    const other = 1 - holder;
    expect(passes[other]).toBe(0);

    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend($1)', [locks[holder]!.backendPid]);
    } finally {
      await admin.end();
    }
    await eventually(() => passes[other]! >= 10, 10_000, 'the other instance to take the job over');
    const formerCount = passes[holder]!;
    const takeoverCount = passes[other]!;
    await eventually(() => passes[other]! >= takeoverCount + 10, 10_000, 'ten more passes');
    // The former holder reconnected but no longer owns the job: it runs no pass beside the new owner.
    expect(passes[holder]).toBe(formerCount);
  });

  it('hands the job over at once when its owner shuts down cleanly', async () => {
    const owner = passes[0]! > passes[1]! ? 0 : 1;
    const successor = 1 - owner;
    await jobs[owner]!.close();
    const before = passes[successor]!;
    await eventually(() => passes[successor]! >= before + 5, 5_000, 'the successor to run the job');
  });
});

describe('job ownership when the holder is cut off behind a connection PostgreSQL still sees as open', () => {
  const namespace = `tw_lock_${randomBytes(5).toString('hex')}`;
  const cutOff = new TcpProxy({ host: new URL(PG_URL).hostname, port: Number(new URL(PG_URL).port || 5432) });
  const locks: AdvisoryJobLock[] = [];
  const jobs: IntervalJob<void>[] = [];
  const passes = [0, 0];

  afterAll(async () => {
    // Healing first closes the black-holed connections, which would otherwise hold the holder's close forever.
    await cutOff.close();
    for (const job of jobs) await job.close();
    for (const lock of locks) await lock.close();
  });

  it('lets another instance end the silent holder\'s session and take the job over; the holder stops on its own', async () => {
    const port = await cutOff.listen();
    const url = new URL(PG_URL);
    url.host = `127.0.0.1:${port}`;
    const options = { namespace, logger: silentLogger, heartbeatMs: 200, deadAfterMs: 1_000, silentHolderMs: 3_000 };
    locks.push(new AdvisoryJobLock({ ...options, connectionString: url.toString() }));
    const holder = new IntervalJob({ name: 'escalation-watcher', everyMs: 50, pass: async () => void passes[0]!++, whileRunning: 'join', lock: locks[0]!, logger: silentLogger });
    jobs.push(holder);
    holder.start();
    await eventually(() => passes[0]! >= 5, 10_000, 'the first instance to run the job');
    locks.push(new AdvisoryJobLock({ ...options, connectionString: PG_URL }));
    const other = new IntervalJob({ name: 'escalation-watcher', everyMs: 50, pass: async () => void passes[1]!++, whileRunning: 'join', lock: locks[1]!, logger: silentLogger });
    jobs.push(other);
    other.start();

    cutOff.blackhole();
    await eventually(() => passes[1]! >= 5, 20_000, 'the other instance to take the job over');
    const holderPasses = passes[0]!;
    await eventually(() => passes[1]! >= 15, 10_000, 'ten more passes');
    expect(passes[0]).toBe(holderPasses);
  });
});
