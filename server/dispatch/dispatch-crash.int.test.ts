import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/ack';
import type { Dispatch, DispatchCreate, TeamStep } from '../../shared/schemas/dispatch';
import type { Team } from '../../shared/schemas/team';
import { dataOf, httpClient, login } from '../testing/int-support';
import { startServer, type ServerHandle } from '../testing/server-process';
import { createBody, readEventLog, setUpCounty, stepsByAssignment, type County } from './int-support';
import { postUntilAnswered, resent, RetryingTablet } from './retrying-clients';

const TEAMS = 4;
const PER_TEAM = 3;
const KILLS = 3;
/** Share of actions a client sends once more after the ack, as if the ack had been lost. */
const LOST_ACKS = 0.3;
const CREW_STEPS: TeamStep[] = ['delivered', 'accepted', 'en_route', 'on_scene', 'completed'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (min: number, max: number) => min + Math.floor(Math.random() * (max - min));

let server: ServerHandle;
let county: County;

beforeAll(async () => {
  server = await startServer();
  county = await setUpCounty(server, TEAMS);
});
afterAll(async () => server?.dispose());

/** Acknowledged requests so far: the killer strikes at random points of this count. */
const progress = { acknowledged: 0 };

/** The crew of one team: works through its dispatches oldest first, each step sent until acknowledged. */
async function crew(tablet: RetryingTablet, failures: string[]): Promise<void> {
  const finished = new Set<string>();
  while (finished.size < PER_TEAM) {
    const next = [...tablet.known.values()].filter((d) => !finished.has(d.id)).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))[0];
    if (!next) {
      await sleep(20);
      continue;
    }
    let previous: (() => Promise<Ack<Dispatch>>) | null = null;
    for (const to of CREW_STEPS) {
      const actionId = randomUUID();
      const send = () => (to === 'delivered' ? tablet.send('dispatch:received', { actionId, dispatchId: next.id }) : tablet.send('dispatch:step', { actionId, dispatchId: next.id, to }));
      const answer = await send();
      progress.acknowledged++;
      if (!answer.ok) failures.push(`${next.id} ${to}: ${answer.error.code} ${answer.error.message}`);
      // An ack lost on a dropping connection: the tablet sends the previous action again after this one.
      if (previous && Math.random() < LOST_ACKS) expect(await previous()).toMatchObject({ ok: true });
      previous = send;
    }
    finished.add(next.id);
  }
}

/** The desk: creates the dispatches one after another, each resent with the same action id until answered. */
async function desk(bodies: DispatchCreate[], token: string, created: Dispatch[], failures: string[]): Promise<void> {
  for (const body of bodies) {
    const answer = await postUntilAnswered<Dispatch>(server.baseUrl, token, '/api/dispatches', body);
    progress.acknowledged++;
    if (Math.random() < LOST_ACKS) expect(await postUntilAnswered(server.baseUrl, token, '/api/dispatches', body)).toEqual(answer);
    if (answer.ok) created.push(answer.data);
    else failures.push(`create: ${answer.error.code} ${answer.error.message}`);
    await sleep(between(10, 40));
  }
}

/** SIGKILLs the server when the burst reaches each of the given points, and restarts it on the same data. */
async function killAt(points: number[], isDone: () => boolean): Promise<number[]> {
  const struck: number[] = [];
  for (const point of points) {
    while (progress.acknowledged < point && !isDone()) await sleep(between(1, 8));
    if (isDone()) break;
    struck.push(progress.acknowledged);
    await server.kill();
    await sleep(between(0, 300));
    await server.restart();
  }
  return struck;
}

describe('exactly once through SIGKILL', () => {
  it('delivers every dispatch and applies every step once while the server is killed and restarted mid-burst', async () => {
    const teams: Team[] = county.teams;
    const bodies = Array.from({ length: TEAMS * PER_TEAM }, (_, i) => createBody([teams[i % TEAMS]!.id], { priority: i % 3 === 0 ? 'flash' : 'routine' }));
    const tablets = teams.map((_, i) => new RetryingTablet(server.baseUrl, county.tokens[`field-${i}`]!));
    const failures: string[] = [];
    const created: Dispatch[] = [];
    let done = false;
    const total = bodies.length * (1 + CREW_STEPS.length);
    const points = Array.from({ length: KILLS }, () => between(Math.ceil(total * 0.05), Math.floor(total * 0.9))).sort((a, b) => a - b);
    const killer = killAt(points, () => done);
    await Promise.all([desk(bodies, county.tokens.duty_officer!, created, failures), ...tablets.map((t) => crew(t, failures))]).finally(() => (done = true));
    const kills = await killer;
    tablets.forEach((t) => t.close());

    expect(failures).toEqual([]);
    expect(kills).toHaveLength(KILLS);
    expect(resent.count).toBeGreaterThan(0);
    expect(new Set(created.map((d) => d.id)).size).toBe(bodies.length);

    const events = readEventLog(server);
    const assigned = events.filter((e) => e.type === 'dispatch.assigned');
    expect(assigned).toHaveLength(bodies.length);
    expect(new Set(assigned.map((e) => e.type === 'dispatch.assigned' && e.payload.dispatch.id))).toEqual(new Set(created.map((d) => d.id)));
    const steps = stepsByAssignment(events);
    for (const dispatch of created) expect({ id: dispatch.id, steps: steps.get(`${dispatch.id}:${dispatch.assignments[0]!.teamId}`) }).toEqual({ id: dispatch.id, steps: CREW_STEPS });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));

    const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
    const finalTeams = dataOf(await admin.get<Team[]>('/api/teams'));
    expect(finalTeams.filter((t) => teams.some((x) => x.id === t.id)).map((t) => t.status)).toEqual(teams.map(() => 'returning'));
  });
});
