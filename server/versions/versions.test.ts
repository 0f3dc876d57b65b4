import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_INFO_FILE, OUTBOX_REQUESTS, clientProtocolOf } from '../../shared/protocol';
import { DomainError } from '../errors';
import { servedBuild } from './build-info';
import { assertAllowedFor, isOutdated } from './client-protocol';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('the served build id', () => {
  it('is the id and build time in build.json beside the client, and follows a new build without a restart', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-build-'));
    dirs.push(dir);
    const file = path.join(dir, BUILD_INFO_FILE);
    const current = servedBuild(dir);
    expect(current()).toBeNull();
    // A build from before build times.
    fs.writeFileSync(file, JSON.stringify({ buildId: '0.1.0-a' }));
    expect(current()).toEqual({ buildId: '0.1.0-a' });
    fs.writeFileSync(file, JSON.stringify({ buildId: '0.1.0-bb', builtAt: '2026-12-07T12:00:00.000Z' }));
    expect(current()).toEqual({ buildId: '0.1.0-bb', builtAt: '2026-12-07T12:00:00.000Z' });
    fs.writeFileSync(file, 'not json');
    expect(current()).toBeNull();
    expect(servedBuild(null)()).toBeNull();
  });
});

describe('client protocol', () => {
  it('reads what a client names, and counts a client that names none (or nonsense) as protocol 1', () => {
    expect([2, '3', undefined, null, 'abc', -4, 1.5, '2.0'].map(clientProtocolOf)).toEqual([2, 3, 1, 1, 1, 1, 1, 1]);
    expect(isOutdated(undefined, 2)).toBe(true);
    expect(isOutdated(2, 2)).toBe(false);
    expect(isOutdated(undefined, 1)).toBe(false);
  });

  it('lets a too-old socket resync and drain every kind of outbox item, and nothing else', () => {
    for (const name of [...OUTBOX_REQUESTS, 'sync:hello'] as const) expect(() => assertAllowedFor(true, name)).not.toThrow();
    for (const name of ['alarm:acknowledge', 'video:join', 'video:produce'] as const) {
      expect(() => assertAllowedFor(true, name)).toThrow(DomainError);
      expect(() => assertAllowedFor(false, name)).not.toThrow();
    }
  });
});
