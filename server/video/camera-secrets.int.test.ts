import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Camera, CameraWithStatus } from '../../shared/schemas/camera';
import { TestClient, dataOf, eventually, httpClient, login } from '../testing/int-support';
import { startServer, type ServerHandle } from '../testing/server-process';

/** Camera URLs in each form a credential takes (nothing serves them: port 9 on localhost is closed). */
const SOURCES = [
  { name: '丹城路口', url: 'rtsp://admin:Ab@c/9xY@127.0.0.1:9/main', secrets: ['Ab@c/9xY', 'Ab@c', 'c/9xY'] },
  { name: '石浦港区', url: 'rtsp://127.0.0.1:9/Streaming/Channels/1?username=admin&password=Qz7-secret', secrets: ['Qz7-secret'] },
  { name: '爵溪海堤', url: 'rtsp://127.0.0.1:9/user=admin_password=tlJwpbo6_channel=1_stream=0.sdp?real_stream', secrets: ['tlJwpbo6'] },
  { name: '鹤浦码头', url: 'rtsp://127.0.0.1:9/user=admin&password=Hp55-wd&channel=1&stream=0.sdp', secrets: ['Hp55-wd'] },
];
const ALL_SECRETS = SOURCES.flatMap((s) => s.secrets);
const leaked = (value: unknown) => {
  const text = JSON.stringify(value);
  return ALL_SECRETS.filter((secret) => text.includes(secret));
};

let server: ServerHandle;
let admin: ReturnType<typeof httpClient>;
let officer: ReturnType<typeof httpClient>;
let officerToken: string;
let live: TestClient;
const cameras: Camera[] = [];

beforeAll(async () => {
  server = await startServer({ env: { VIDEO: 'off' } });
  admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  dataOf(await admin.post('/api/users', { username: 'officer', displayName: '值班员', role: 'duty_officer', teamId: null, password: 'long-enough-password' }));
  officerToken = await login(server.baseUrl, 'officer', 'long-enough-password');
  officer = httpClient(server.baseUrl, officerToken);
  live = new TestClient(server.baseUrl, officerToken);
  await live.connected();
  await live.request('sync:hello', { lastSeq: null });
  for (const { name, url } of SOURCES) {
    cameras.push(dataOf(await admin.post<Camera>('/api/cameras', { name, kind: 'cctv', department: '县公安局', source: { type: 'rtsp', url, codecPolicy: 'vp8' } })));
  }
  // The admin moves the first camera, sending its password back hidden as they were shown it.
  dataOf(await admin.patch(`/api/cameras/${cameras[0]!.id}`, { source: { type: 'rtsp', url: 'rtsp://admin:***@127.0.0.1:9/sub', codecPolicy: 'vp8' } }));
});
afterAll(async () => {
  live?.close();
  await server?.dispose();
});

describe('camera credentials and who sees them', () => {
  it('gives the admin every URL whole, the moved camera keeping its stored password', async () => {
    const urls = dataOf(await admin.get<CameraWithStatus[]>('/api/cameras')).map((c) => c.source.type === 'rtsp' && c.source.url);
    expect(urls).toEqual(expect.arrayContaining(['rtsp://admin:Ab@c/9xY@127.0.0.1:9/sub', ...SOURCES.slice(1).map((s) => s.url)]));
  });

  it("keeps every password out of a duty officer's camera list, the user names and addresses still readable", async () => {
    const list = dataOf(await officer.get<CameraWithStatus[]>('/api/cameras'));
    expect(list).toHaveLength(SOURCES.length);
    expect(leaked(list)).toEqual([]);
    expect(list.map((c) => c.source.type === 'rtsp' && c.source.url)).toEqual(
      expect.arrayContaining(['rtsp://admin:***@127.0.0.1:9/sub', 'rtsp://127.0.0.1:9/user=admin_password=***_channel=1_stream=0.sdp?real_stream']),
    );
  });

  it('keeps every password out of the events a duty officer receives live and on resync', async () => {
    const pushed = await eventually(() => (live.events.filter((e) => e.type.startsWith('camera.')).length >= SOURCES.length + 1 ? live.events : null), 10_000, 'the camera events');
    expect(leaked(pushed)).toEqual([]);
    const again = new TestClient(server.baseUrl, officerToken);
    try {
      await again.connected();
      const resync = await again.request('sync:hello', { lastSeq: 0 });
      expect(resync).toMatchObject({ ok: true, data: { mode: 'events' } });
      const events = resync.ok && resync.data.mode === 'events' ? resync.data.events.filter((e) => e.type.startsWith('camera.')) : [];
      expect(events).toHaveLength(SOURCES.length + 1);
      expect(leaked(events)).toEqual([]);
    } finally {
      again.close();
    }
  });

  it("keeps every password out of the server's log", () => {
    expect(leaked(server.logs())).toEqual([]);
  });
});
