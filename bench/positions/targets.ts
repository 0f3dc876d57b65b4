import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../server/testing/server-process';
import { dataOf, httpClient, login } from '../../server/testing/int-support';

/** A server under test, set up with its units and a token the board clients use. */
export interface Target {
  name: string;
  pid: number;
  /** Every process whose CPU counts, when the target is more than one (a cluster's instances); default [pid]. */
  pids?: number[];
  osmandUrl: string;
  socketUrl: string;
  httpUnits: string[];
  socketTokens: string[];
  boardToken: string;
  stop(): Promise<void>;
}

async function inBatches<T>(count: number, parallel: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += parallel) out.push(...(await Promise.all(Array.from({ length: Math.min(parallel, count - i) }, (_, j) => make(i + j)))));
  return out;
}

/** What another benchmark may add to the Tidewatch target (accounts of its own) before it is measured. */
export type PrepareTarget = (setup: { baseUrl: string; admin: ReturnType<typeof httpClient>; teamIds: string[] }) => Promise<void>;

/** What a Tidewatch server was given for the load: unit credentials and the board's token. */
export type TidewatchUnits = Pick<Target, 'httpUnits' | 'socketTokens' | 'boardToken'>;

/** N teams on a running Tidewatch: OsmAnd devices for the HTTP units, field users for the socket units. */
export async function populateTidewatch(baseUrl: string, adminPassword: string, units: number, socketUnits: number, prepare?: PrepareTarget): Promise<TidewatchUnits> {
  const token = await login(baseUrl, 'admin', adminPassword);
  const admin = httpClient(baseUrl, token);
  const base = { kind: 'township', leader: '测试', phone: '1', headcount: 5, capabilities: [], baseName: '基地', base: { lat: 29.44, lon: 121.87 }, township: null };
  const teams = await inBatches(units, 16, async (i) => dataOf(await admin.post<{ id: string }>('/api/teams', { ...base, name: `压测队${i}` })).id);
  const httpUnits = await inBatches(units - socketUnits, 16, async (i) => dataOf(await admin.post<{ osmandId: string }>('/api/devices', { teamId: teams[i], kind: 'osmand', name: `终端${i}` })).osmandId);
  const password = `bench-${randomBytes(6).toString('hex')}`;
  const socketTokens = await inBatches(socketUnits, 8, async (i) => {
    const username = `bench-field-${i}`;
    dataOf(await admin.post('/api/users', { username, displayName: username, role: 'field', teamId: teams[units - socketUnits + i], password }));
    return login(baseUrl, username, password);
  });
  dataOf(await admin.post('/api/users', { username: 'bench-wall', displayName: '压测大屏', role: 'wall', password }));
  const boardToken = await login(baseUrl, 'bench-wall', password);
  await prepare?.({ baseUrl, admin, teamIds: teams });
  return { httpUnits, socketTokens, boardToken };
}

/** Tidewatch (one instance, SQLite) with N teams. */
export async function tidewatchTarget(units: number, socketUnits: number, prepare?: PrepareTarget): Promise<Target> {
  const server = await startServer({ env: { LOG_LEVEL: 'warn', SEED: 'none' } });
  const populated = await populateTidewatch(server.baseUrl, server.adminPassword, units, socketUnits, prepare);
  return {
    name: 'Tidewatch',
    pid: server.pid ?? 0,
    osmandUrl: `http://127.0.0.1:${server.osmandPort}/`,
    socketUrl: server.baseUrl,
    ...populated,
    stop: () => server.stop(),
  };
}

/** The bare Socket.IO relay, with unit ids as its only "credentials". */
export async function bareTarget(units: number, socketUnits: number): Promise<Target> {
  const file = fileURLToPath(new URL('./bare-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /READY (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  const ids = Array.from({ length: units }, (_, i) => `unit-${i}`);
  return {
    name: 'bare Socket.IO',
    pid: child.pid!,
    osmandUrl: `http://127.0.0.1:${port}/`,
    socketUrl: `http://127.0.0.1:${port}`,
    httpUnits: ids.slice(0, units - socketUnits),
    socketTokens: ids.slice(units - socketUnits),
    boardToken: 'board',
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
