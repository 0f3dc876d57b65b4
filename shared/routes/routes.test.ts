import { describe, expect, it } from 'vitest';
import { ROLES } from '../enums';
import { rolesFor } from '../permissions';
import { ROUTE_TABLES } from './index';
import { fillPath, paramNamesOf, type RouteAccess } from './route';

const STAFF = 'admin commander duty_officer';
const BOARD = `${STAFF} wall`;

/** Who may call what, as the hand-written role lists said before the contracts; a change here is a policy change. */
const EXPECTED: Record<string, string> = {
  'GET /teams': `${BOARD} field`,
  'POST /teams': 'admin',
  'PATCH /teams/:id': 'admin',
  'DELETE /teams/:id': 'admin',
  'POST /teams/:id/status': `${STAFF} field`,
  'GET /incidents': BOARD,
  'POST /incidents': 'commander duty_officer',
  'GET /incidents/:id': BOARD,
  'PATCH /incidents/:id': 'commander duty_officer',
  'POST /incidents/:id/status': 'commander duty_officer',
  'POST /incidents/:id/severity': 'commander duty_officer',
  'POST /incidents/:id/notes': 'commander duty_officer',
  'POST /incidents/:id/reports': 'commander duty_officer',
  'POST /incidents/:id/attachments': 'commander duty_officer',
  'GET /reporting-rules': BOARD,
  'PUT /reporting-rules': 'admin commander',
  'GET /shelters': BOARD,
  'POST /shelters': 'admin',
  'GET /shelters/:id': BOARD,
  'PATCH /shelters/:id': 'admin',
  'POST /shelters/:id/status': 'commander duty_officer',
  'GET /shelters/:id/movements': BOARD,
  'POST /shelters/:id/movements': 'commander duty_officer',
  'GET /evacuation': BOARD,
  'GET /evacuation/reports': BOARD,
  'POST /evacuation/reports': 'commander duty_officer',
  'GET /duty/now': `${BOARD} field`,
  'GET /duty/shifts': BOARD,
  'GET /duty/members': 'admin commander',
  'POST /duty/shifts': 'admin commander',
  'PATCH /duty/shifts/:id': 'admin commander',
  'DELETE /duty/shifts/:id': 'admin commander',
  'GET /duty/handovers': BOARD,
  'POST /duty/handovers': 'commander duty_officer',
  'POST /duty/handovers/:id/acknowledge': 'commander duty_officer',
  'GET /duty/log': BOARD,
  'POST /duty/log': 'commander duty_officer',
  'GET /dispatches': `${BOARD} field`,
  'GET /dispatches/suggestions': STAFF,
  'GET /dispatches/feed': `${BOARD} field`,
  'GET /dispatches/:id': `${BOARD} field`,
  'POST /dispatches': STAFF,
  'POST /dispatches/:id/steps': STAFF,
  'POST /dispatches/:id/cancel': STAFF,
  'POST /dispatches/:id/reassign': STAFF,
  'POST /teams/:id/sos/resolve': STAFF,
  'GET /alarms': BOARD,
  'POST /alarms/:id/acknowledge': STAFF,
  'GET /positions/latest': `${BOARD} field`,
  'GET /positions/trails': BOARD,
  'GET /teams/:id/track': `${BOARD} field`,
  'GET /wall-layout': BOARD,
  'PUT /wall-layout': STAFF,
  'GET /board/summary': BOARD,
  'POST /auth/login': 'public',
  'POST /auth/logout': `${BOARD} field`,
  'GET /auth/me': `${BOARD} field`,
  'POST /auth/password': `${BOARD} field`,
  'GET /users': 'admin',
  'POST /users': 'admin',
  'POST /video/signal': 'admin commander duty_officer field wall',
  'PATCH /users/:id': 'admin',
  'GET /users/:id/sessions': 'admin',
  'DELETE /sessions/:id': 'admin',
  'GET /devices': 'admin',
  'GET /devices/endpoints': 'admin',
  'POST /devices': 'admin',
  'POST /devices/:id/revoke': 'admin',
  'GET /cameras': BOARD,
  'POST /cameras': 'admin',
  'PATCH /cameras/:id': 'admin',
  'DELETE /cameras/:id': 'admin',
  'GET /video/stats': 'admin',
  'GET /depots': BOARD,
  'POST /depots': 'admin',
  'PATCH /depots/:id': 'admin',
  'GET /supply-items': BOARD,
  'POST /supply-items': 'admin',
  'PATCH /supply-items/:id': 'admin',
  'GET /stock': BOARD,
  'GET /stock/ledger': BOARD,
  'POST /stock/movements': 'commander duty_officer',
  'POST /stock/stocktakes': 'commander duty_officer',
  'PUT /stock/:depotId/:itemId/threshold': 'admin commander',
  'GET /supply-runs': BOARD,
  'POST /supply-runs': 'commander duty_officer',
  'GET /supply-runs/:id': BOARD,
  'POST /supply-runs/:id/depart': 'commander duty_officer',
  'POST /supply-runs/:id/arrive': 'commander duty_officer',
  'POST /supply-runs/:id/cancel': 'commander duty_officer',
  'GET /supplies/csv/:kind': STAFF,
  'POST /supplies/csv/:kind': 'admin commander',
  'GET /typhoons': BOARD,
  'GET /typhoons/:id': BOARD,
  'POST /typhoons/bulletins': 'commander duty_officer',
  'POST /typhoons/:id/archive': 'commander duty_officer',
  'GET /typhoons/:id/exposure': BOARD,
  'GET /typhoon-signal-rules': BOARD,
  'PUT /typhoon-signal-rules': 'admin commander',
  'GET /typhoon-feed': BOARD,
  'POST /typhoons/import': 'commander duty_officer',
  'GET /warnings': BOARD,
  'GET /warnings/template': 'commander duty_officer',
  'GET /warnings/:id': BOARD,
  'POST /warnings': 'commander duty_officer',
  'PATCH /warnings/:id': 'commander duty_officer',
  'POST /warnings/:id/issue': 'commander',
  'POST /warnings/:id/cancel': 'commander',
  'GET /warnings/:id/cap': BOARD,
  'GET /warnings/:id/recipients': 'commander duty_officer',
  'GET /warnings/:id/coverage': BOARD,
  'POST /warnings/:id/recipients/:recipientId/phone-answer': 'commander duty_officer',
  'GET /warnings/:id/deliveries': 'commander duty_officer',
  'POST /cap/import': 'commander duty_officer',
  'GET /cap/alerts': BOARD,
  'GET /cap/alerts/:id': BOARD,
  'GET /contacts': STAFF,
  'POST /contacts': STAFF,
  'PATCH /contacts/:id': STAFF,
  'DELETE /contacts/:id': STAFF,
  'POST /contacts/csv': STAFF,
  'GET /stations': BOARD,
  'GET /stations/states': BOARD,
  'GET /stations/ingest': 'admin',
  'POST /stations': 'admin',
  'GET /stations/:id': BOARD,
  'PATCH /stations/:id': 'admin',
  'DELETE /stations/:id': 'admin',
  'POST /stations/:id/maintenance': STAFF,
  'GET /stations/:id/readings': BOARD,
  'GET /stations/:id/series': BOARD,
  'GET /stations-csv': STAFF,
  'POST /stations-csv': 'admin',
  'GET /responses': BOARD,
  'GET /responses/banner': `${BOARD} field`,
  'GET /responses/:id': BOARD,
  'GET /responses/:id/tasks': BOARD,
  'POST /responses': 'commander',
  'POST /responses/:id/raise': 'commander',
  'POST /responses/:id/lower': 'commander',
  'POST /responses/:id/end': 'commander',
  'POST /responses/:id/confirm': 'commander',
  'POST /response-tasks/:id/done': 'commander duty_officer',
  'POST /responses/:id/plan-dispatches/cancel': 'commander',
  'GET /responses/:id/evacuation': BOARD,
  'PUT /responses/:id/evacuation/:township': 'commander duty_officer',
  'PUT /responses/:id/evacuation/:township/villages/:village': 'commander duty_officer',
  'GET /response-tasks/:id/answers': 'commander duty_officer',
  'GET /response-plans': BOARD,
  'GET /response-plans/:hazard/:level/versions': 'admin commander',
  'PUT /response-plans/:hazard/:level': 'admin commander',
  'GET /response-suggestion': BOARD,
  'GET /responses/:id/plan-dispatches': BOARD,
  'GET /response-level-rules': BOARD,
  'PUT /response-level-rules': 'admin commander',
  'GET /review/report': STAFF,
  'GET /review/report/csv/:table': STAFF,
  'GET /review/report/pdf': STAFF,
  'GET /history/:kind/:id': STAFF,
  'GET /replay/scene': BOARD,
  'GET /replay/page': BOARD,
};

const routes = Object.values(ROUTE_TABLES).flatMap((table) => Object.values(table));
const sorted = (roles: readonly string[]) => [...roles].sort().join(' ');
/** Login is the one route called before there is a session: no role at all. */
const rolesOf = (allow: RouteAccess): readonly string[] => (allow === 'public' ? ['public'] : rolesFor(allow));

describe('route contracts', () => {
  it('allow exactly the roles each route allowed before, from the permission table', () => {
    const actual = Object.fromEntries(routes.map((r) => [`${r.method} ${r.path}`, sorted(rolesOf(r.allow))]));
    expect(actual).toEqual(Object.fromEntries(Object.entries(EXPECTED).map(([k, v]) => [k, sorted(v.split(' '))])));
    for (const r of routes.filter((r) => r.allow !== 'public')) expect(rolesOf(r.allow).every((role) => (ROLES as readonly string[]).includes(role))).toBe(true);
    expect(routes.filter((r) => r.allow === 'public').map((r) => r.path)).toEqual(['/auth/login']);
  });

  it('declare each method and path once', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('build paths with every param encoded', () => {
    expect(paramNamesOf('/dispatches/:id/steps')).toEqual(['id']);
    expect(fillPath('/teams/:id/track', { id: 'a/b c' })).toBe('/teams/a%2Fb%20c/track');
    expect(() => fillPath('/teams/:id', {})).toThrow(/missing path param id/);
  });

  it('mark every answer that carries a credential no-store: a session token, a tracker key', () => {
    const noStore = routes.filter((r) => r.noStore).map((r) => `${r.method} ${r.path}`);
    expect(noStore.sort()).toEqual(['POST /auth/login', 'POST /devices']);
  });
});
