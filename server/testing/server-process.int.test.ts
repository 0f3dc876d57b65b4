import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { api, loginAs, SERVER_ENTRY, startServer } from './server-process';

const standIn = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'stand-in-server.mjs');

describe('startServer (stand-in server)', () => {
  it('starts on free ports with a fresh data dir, signs in, restarts with the same data, stops', async () => {
    const srv = await startServer({ entry: standIn, env: { EXTRA: 'x' } });
    try {
      expect(srv.baseUrl).toBe(`http://127.0.0.1:${srv.port}`);
      expect(srv.osmandPort).not.toBe(srv.port);
      expect(srv.adminPassword.length).toBeGreaterThan(12);

      const token = await loginAs(srv.baseUrl, 'admin', srv.adminPassword);
      const client = api(srv.baseUrl, token);
      const first = await client.get<{ starts: number; osmandPort: number; seed: string; extra: string }>('/api/info');
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ ok: true, data: { starts: 1, osmandPort: srv.osmandPort, seed: 'none', extra: 'x' } });

      const anon = await api(srv.baseUrl, null).get('/api/info');
      expect(anon.status).toBe(401);
      expect(anon.body.ok).toBe(false);
      await expect(loginAs(srv.baseUrl, 'admin', 'wrong')).rejects.toThrow(/INVALID_CREDENTIALS/);

      const pid = srv.pid;
      await srv.restart();
      expect(srv.pid).not.toBe(pid);
      expect(await client.data<{ starts: number }>('GET', '/api/info')).toMatchObject({ starts: 2 });

      await srv.kill();
      expect(srv.exit?.signal).toBe('SIGKILL');
      await srv.restart();
      expect(await client.data<{ starts: number }>('GET', '/api/info')).toMatchObject({ starts: 3 });

      await srv.stop();
      expect(srv.exit).toEqual({ code: 0, signal: null });
      expect(srv.logs()).toContain('stand-in: SIGTERM');
    } finally {
      await srv.dispose();
    }
    expect(existsSync(srv.dataDir)).toBe(false);
  });

  it('fails with the server output when the server does not come up', async () => {
    await expect(startServer({ entry: standIn, env: { STAND_IN_FAIL: '1' } })).rejects.toThrow(
      /exited before GET \/health[\s\S]*refusing to start/,
    );
  });

  it('picks new ports when the chosen one was taken in the meantime', async () => {
    const srv = await startServer({ entry: standIn, env: { STAND_IN_BUSY_ONCE: '1' } });
    try {
      const token = await loginAs(srv.baseUrl, 'admin', srv.adminPassword);
      expect(await api(srv.baseUrl, token).data<{ starts: number }>('GET', '/api/info')).toMatchObject({ starts: 2 });
      expect(srv.logs()).toContain('EADDRINUSE');
    } finally {
      await srv.dispose();
    }
  });

  it('explains how to build when the entry point is missing', async () => {
    await expect(startServer({ entry: '/nonexistent/main.js' })).rejects.toThrow(/node scripts\/setup\.mjs --for=test/);
  });
});

describe.skipIf(!existsSync(SERVER_ENTRY))('startServer (dist/server/main.js)', () => {
  it('boots, answers /health, lets the first-run admin sign in, and keeps data across a restart', async () => {
    const srv = await startServer();
    try {
      const token = await loginAs(srv.baseUrl, 'admin', srv.adminPassword);
      expect(token).toBeTruthy();
      await srv.restart();
      expect(await loginAs(srv.baseUrl, 'admin', srv.adminPassword)).toBeTruthy();
      const health = await fetch(`${srv.baseUrl}/health`);
      expect(health.status).toBe(200);
    } finally {
      await srv.dispose();
    }
  });

  it('serves HTTPS on the same port with the CA it generated', async () => {
    const srv = await startServer();
    try {
      const ca = await readFile(path.join(srv.dataDir, 'tls', 'ca.crt'));
      const https = await import('node:https');
      const status = await new Promise<number>((resolve, reject) => {
        https
          .get(`https://127.0.0.1:${srv.port}/health`, { ca, agent: false }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
          .on('error', reject);
      });
      expect(status).toBe(200);
    } finally {
      await srv.dispose();
    }
  });
});
