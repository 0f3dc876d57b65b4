import { describe, expect, it } from 'vitest';
import { ROUTE_TABLES } from '../../shared/routes';
import { CLIENT_REQUESTS } from '../../shared/socket';
import { HAND_WRITTEN_ROUTES } from './hand-written-routes';
import { httpTargets, socketTargets, targetName } from './targets';

describe('fuzz targets', () => {
  it('fuzz every contract route with a body, every socket request, and the hand-written list', () => {
    const names = new Set(httpTargets().map(targetName));
    const contracts = Object.values(ROUTE_TABLES).flatMap((t) => Object.values(t));
    for (const c of contracts.filter((c) => c.body && !c.raw)) expect(names).toContain(`${c.method} /api${c.path}`);
    // A raw-body route takes a file's bytes, which JSON fuzzing cannot say; its own tests send it hostile files.
    for (const c of contracts.filter((c) => c.raw)) expect(names).not.toContain(`${c.method} /api${c.path}`);
    expect(names).not.toContain('POST /api/auth/logout');
    for (const r of HAND_WRITTEN_ROUTES) expect(names).toContain(targetName(r));
    expect(socketTargets().map((t) => t.name).sort()).toEqual(Object.keys(CLIENT_REQUESTS).sort());
  });

  it('list no route both by hand and by contract: a converted domain leaves the hand-written list', () => {
    const contracted = new Set(Object.values(ROUTE_TABLES).flatMap((t) => Object.values(t)).map((c) => `${c.method} /api${c.path}`));
    expect(HAND_WRITTEN_ROUTES.map(targetName).filter((name) => contracted.has(name))).toEqual([]);
  });
});
