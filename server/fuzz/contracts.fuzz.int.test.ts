/**
 * The contract fuzz (issue 10 item 9): property-based inputs for every socket request and every HTTP route's
 * body, as every role, against one built server. Each input must get an answer below 500 and never INTERNAL,
 * the server must stay up, the event log must stay gap-free, and a refused input must write nothing.
 *
 * Seeded and reproducible: the seed is printed; on failure fast-check prints the seed, the path and the
 * failing input. Replay with `FUZZ_SEED=<seed> [FUZZ_PATH=<path>] npx vitest run --project integration server/fuzz`.
 * FUZZ_INPUTS sets how many inputs a run makes (default 20,000).
 */
import fc from 'fast-check';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCase, type FuzzCase, httpCase, socketCase, urlOf } from './fuzz-cases';
import { type Answer, FuzzWorld } from './fuzz-world';
import { toJsonText } from './hostile';
import { httpTargets, socketTargets } from './targets';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const INPUTS = Number(process.env.FUZZ_INPUTS ?? 20_000);

let world: FuzzWorld;
let knownSeq = 0;
let sent = 0;
const tally = new Map<string, number>();

beforeAll(async () => {
  world = await FuzzWorld.start();
  knownSeq = await world.seq();
  expect(world.eventLog().counter).toBe(knownSeq);
  console.log(`contract fuzz: FUZZ_SEED=${SEED} (${INPUTS} inputs)`);
}, 60_000);

afterAll(async () => {
  console.log(`contract fuzz answers: ${[...tally].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}×${n}`).join(', ')}`);
  await world?.dispose();
});

async function send(c: FuzzCase): Promise<Answer> {
  if (c.kind === 'socket') return world.socket(c.role, c.name, JSON.parse(c.payload));
  const [method] = c.route.split(' ') as [string];
  return world.http(c.role, method, urlOf(c, world.harvested, world.teamIds), c.body, c.encoding);
}

/** Events a refused input must not have written: any made by a user or a device since the last look. */
function writtenBy(sinceSeq: number): string[] {
  return world.eventsAfter(sinceSeq).filter((e) => e.actorType !== 'system').map((e) => `${e.seq} ${e.type} by ${e.actorType}`);
}

async function check(c: FuzzCase): Promise<void> {
  const answer = await send(c);
  const label = answer.ok ? 'ok' : (answer.code ?? String(answer.status));
  tally.set(label, (tally.get(label) ?? 0) + 1);
  expect(answer.status, 'no 5xx').toBeLessThan(500);
  expect(answer.code, 'no INTERNAL error').not.toBe('INTERNAL');
  expect(world.srv.exit, 'the server process is still running').toBeNull();
  if (++sent % 100 === 0) await world.seq(); // /health still answers
  const log = world.eventLog();
  if (!answer.ok) expect(writtenBy(knownSeq), 'a refused input writes nothing').toEqual([]);
  knownSeq = log.counter;
  expect(log.count === 0 || (log.min === 1 && log.max === log.counter && log.count === log.counter), `the event log is gap-free: ${JSON.stringify(log)}`).toBe(true);
}

describe('contract fuzz: every socket request and HTTP route body, as every role', () => {
  it(`answers ${INPUTS} valid-shaped and hostile inputs without a 5xx, a crash, a seq gap or a write on refusal`, async () => {
    const cases = fc.oneof(...httpTargets().map(httpCase), ...socketTargets().map(socketCase));
    const run = await fc.check(fc.asyncProperty(cases, check), {
      seed: SEED,
      path: process.env.FUZZ_PATH,
      numRuns: INPUTS,
      endOnFailure: process.env.FUZZ_SHRINK !== '1',
    });
    if (run.failed) {
      const input = run.counterexample ? describeCase(run.counterexample[0]) : '(none)';
      const cause = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
      throw new Error(`input ${run.numRuns} failed: ${input}\n${cause}\nreplay: FUZZ_SEED=${run.seed} FUZZ_PATH=${run.counterexamplePath ?? ''} npx vitest run --project integration server/fuzz`);
    }
  }, 240_000);

  it('refuses a socket without a session, whatever its handshake carries, and stays up', async () => {
    const tokens = fc.sample(fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 5_000 }), fc.constant('x'.repeat(50_000))), { numRuns: 30, seed: SEED });
    for (const token of tokens) {
      const socket = io(world.srv.baseUrl, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      const outcome = await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (error) => resolve(error.message));
      });
      socket.close();
      expect(outcome, `handshake token ${toJsonText(token).slice(0, 200)}`).not.toBe('connected');
    }
    expect(await world.seq()).toBe(world.eventLog().counter);
  }, 60_000);
});
