import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DomainEvent } from '../../shared/schemas/event';
import { DEMO_TYPHOON_PLAN } from '../../server/response/demo-plan-tasks';
import { TestClient, dataOf, httpClient, login } from '../../server/testing/int-support';
import { startServer } from '../../server/testing/server-process';

/**
 * `npm run bench:plans`: the built server with the demo county and its 防台风 plan, BENCH_BOARDS board sockets
 * (50) and BENCH_TABLETS team tablets (25: the 20 teams the Ⅰ级 plan dispatches and 5 others). Measured from
 * the request until it committed (the answer) and until every board socket (and, for the dispatches, every
 * tablet concerned) had the events: a single dispatch create (the baseline), the activation of Ⅰ级 (≈ 60
 * tasks with their personal links), and confirm-all (20 dispatches, the shelters, targets, warning drafts).
 * Target: under 1 s each.
 */
const BOARDS = Number(process.env.BENCH_BOARDS ?? '50');
const TABLETS = Number(process.env.BENCH_TABLETS ?? '25');
const TARGET_MS = 1_000;

const planTeams = [...new Set(Object.values(DEMO_TYPHOON_PLAN).flat().flatMap((t) => (t.action?.kind === 'dispatch' ? t.action.teamIds : [])))];

function until(clients: TestClient[], done: (events: DomainEvent[]) => boolean, started: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`events did not arrive within 30 s at ${clients.filter((c) => !done(c.events)).length} of ${clients.length} sockets`)), 30_000);
    const check = () => {
      if (!clients.every((c) => done(c.events))) return void setTimeout(check, 2);
      clearTimeout(deadline);
      resolve(performance.now() - started);
    };
    check();
  });
}

async function main(): Promise<void> {
  const server = await startServer({ env: { SEED: 'demo', LOG_LEVEL: 'warn' } });
  try {
    const accounts = fs.readFileSync(path.join(server.dataDir, 'demo-accounts.txt'), 'utf8');
    const passwordOf = (username: string) => new RegExp(`^\\S+\\s+${username}\\s+(\\S+)$`, 'm').exec(accounts)![1]!;
    const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
    const commanderToken = await login(server.baseUrl, 'commander', passwordOf('commander'));
    const commander = httpClient(server.baseUrl, commanderToken);
    const teams = dataOf(await admin.get<Array<{ id: string }>>('/api/teams')).map((t) => t.id);
    const tabletTeams = [...planTeams, ...teams.filter((id) => !planTeams.includes(id))].slice(0, TABLETS);
    const password = `bench-${randomBytes(6).toString('hex')}`;
    const tablets = new Map<string, TestClient>();
    for (const teamId of tabletTeams) {
      const username = `bench-${teamId}`;
      dataOf(await admin.post('/api/users', { username, displayName: username, role: 'field', teamId, password }));
      tablets.set(teamId, new TestClient(server.baseUrl, await login(server.baseUrl, username, password)));
    }
    // One session per board screen, as in a real room (a session may resync only a few sockets at once).
    const boards: TestClient[] = [];
    for (let i = 0; i < BOARDS; i++) boards.push(new TestClient(server.baseUrl, i % 2 ? await login(server.baseUrl, 'wall', passwordOf('wall')) : await login(server.baseUrl, 'commander', passwordOf('commander'))));
    const all = [...boards, ...tablets.values()];
    await Promise.all(all.map((c) => c.connected()));
    for (const c of all) {
      const ack = await c.request('sync:hello', { lastSeq: null });
      if (!ack.ok) throw new Error(`sync:hello refused: ${ack.error.code}`);
    }
    console.log(`bench:plans — ${BOARDS} board sockets, ${tablets.size} tablets, the demo 防台风 plan (${planTeams.length} teams dispatched at Ⅰ级)`);
    const results: Array<[string, number, number]> = [];
    const seen = (type: string, extra: (e: DomainEvent) => boolean = () => true) => (events: DomainEvent[]) => events.some((e) => e.type === type && extra(e));

    // Baseline: one dispatch from the desk to one team.
    const one = tabletTeams[0]!;
    let started = performance.now();
    const created = dataOf(await commander.post<{ id: string }>('/api/dispatches', { actionId: randomUUID(), teamIds: [one], taskType: 'pre_position', priority: 'urgent', destination: { lat: 29.44, lon: 121.87, label: '基准' }, instructions: '' }));
    const committed = performance.now() - started;
    const isIt = (e: DomainEvent) => e.type === 'dispatch.assigned' && e.payload.dispatch.id === created.id;
    results.push(['single dispatch (baseline)', committed, await until([...boards, tablets.get(one)!], (ev) => ev.some(isIt), started)]);

    started = performance.now();
    const activation = dataOf(await commander.post<{ response: { id: string }; tasks: unknown[] }>('/api/responses', { actionId: randomUUID(), hazard: 'typhoon', level: 'I', reason: 'bench' }));
    const activated = performance.now() - started;
    results.push([`activate Ⅰ级 (${activation.tasks.length} tasks)`, activated, await until(boards, seen('response.started'), started)]);

    for (const c of all) c.events.length = 0;
    started = performance.now();
    const confirmed = dataOf(await commander.post<{ tasks: Array<{ actionResult: { dispatchIds: string[]; shelterIds: string[] } | null }> }>(`/api/responses/${activation.response.id}/confirm`, { actionId: randomUUID(), all: true }));
    const confirmMs = performance.now() - started;
    const dispatches = confirmed.tasks.flatMap((t) => t.actionResult?.dispatchIds ?? []).length;
    const shelters = confirmed.tasks.flatMap((t) => t.actionResult?.shelterIds ?? []).length;
    const planTablets = planTeams.flatMap((id) => (tablets.has(id) ? [tablets.get(id)!] : []));
    // The confirmation's own event is the transaction's last: the boards have everything once they have it.
    const [boardsDone, tabletsDone] = await Promise.all([until(boards, seen('response.tasks_changed', (e) => e.type === 'response.tasks_changed' && e.payload.cause === 'confirmed'), started), until(planTablets, seen('dispatch.assigned'), started)]);
    results.push([`confirm all (${dispatches} dispatches, ${shelters} shelters)`, confirmMs, Math.max(boardsDone, tabletsDone)]);

    for (const [name, commit, reach] of results) console.log(`  ${name.padEnd(40)} committed ${commit.toFixed(0).padStart(5)} ms   reached every socket ${reach.toFixed(0).padStart(5)} ms`);
    const worst = Math.max(...results.slice(1).map(([, , reach]) => reach));
    console.log(`  load average ${(await import('node:os')).loadavg().map((n) => n.toFixed(1)).join(' ')}`);
    console.log(worst <= TARGET_MS ? `PASS: activation and confirm-all reach every socket within ${TARGET_MS} ms (worst ${worst.toFixed(0)} ms)` : `FAIL: ${worst.toFixed(0)} ms > ${TARGET_MS} ms`);
    for (const c of all) c.close();
    if (worst > TARGET_MS) process.exitCode = 1;
  } finally {
    await server.dispose();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
