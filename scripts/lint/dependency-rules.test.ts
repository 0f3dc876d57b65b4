// Proves each layering rule in .dependency-cruiser.cjs still bites: a small tree with one violation per rule
// (and the edges the rules must allow) is cruised with the project's own rule set.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const config = createRequire(import.meta.url)(path.join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration;

const pkg = (name: string) => ({
  [`node_modules/${name}/package.json`]: JSON.stringify({ name, version: '1.0.0', main: 'index.js' }),
  [`node_modules/${name}/index.js`]: 'module.exports = {};\n',
});

/** path → source. Each violating file is named after the rule it breaks. */
const TREE: Record<string, string> = {
  ...pkg('express'),
  ...pkg('socket.io'),
  ...pkg('socket.io-client'),
  'shared/schemas/leak.ts': "import { secret } from '../../server/incidents/incident-service';\nexport const leak = secret;\n",
  'shared/schemas/ui-leak.ts': "import { label } from '../../client/src/labels';\nexport const uiLeak = label;\n",
  'server/errors.ts': 'export class DomainError extends Error {}\n',
  'server/http/respond.ts': "import express from 'express';\nexport const respond = express;\n",
  'server/realtime/types.ts': "import type { Server } from 'socket.io';\nexport type Io = Server;\n",
  // Edge files: allowed to touch transport.
  'server/incidents/routes.ts':
    "import express from 'express';\nimport { respond } from '../http/respond';\nimport { secret } from './incident-service';\nexport const routes = [express, respond, secret];\n",
  'server/incidents/incident-sockets.ts': "import type { Io } from '../realtime/types';\nexport type Sockets = Io;\n",
  'server/incidents/incident-module.ts': "import { routes } from './routes';\nimport type { Sockets } from './incident-sockets';\nexport const mod: [typeof routes, Sockets?] = [routes];\n",
  'server/app.ts': "import http from 'node:http';\nimport { mod } from './incidents/incident-module';\nexport const app = [http, mod];\n",
  // Services: each imports one piece of transport.
  'server/incidents/incident-service.ts': "export const secret = 1;\n",
  'server/incidents/express-service.ts': "import express from 'express';\nexport const bad = express;\n",
  'server/incidents/socket-service.ts': "import type { Server } from 'socket.io';\nexport type Bad = Server;\n",
  'server/incidents/respond-service.ts': "import { respond } from '../http/respond';\nexport const bad = respond;\n",
  'server/incidents/realtime-service.ts': "import type { Io } from '../realtime/types';\nexport type Bad = Io;\n",
  'server/incidents/route-service.ts': "import { routes } from './routes';\nexport const bad = routes;\n",
  'server/incidents/node-http-service.ts': "import http from 'node:http';\nexport const bad = http;\n",
  'server/incidents/client-peek.ts': "import { label } from '../../client/src/labels';\nexport const bad = label;\n",
  // A cycle between two features.
  'server/shelters/shelter-service.ts': "import { supplyCount } from '../supplies/supply-service';\nexport const shelterCount = () => supplyCount() + 1;\n",
  'server/supplies/supply-service.ts': "import { shelterCount } from '../shelters/shelter-service';\nexport const supplyCount = (): number => (shelterCount ? 0 : 1);\n",
  // Client: only realtime owns the socket; only the shell (App.vue) talks to realtime from a component.
  'client/src/labels.ts': "export const label = 'x';\n",
  'client/src/shell/realtime/socketClient.ts': "import { io } from 'socket.io-client';\nexport const connect = io;\n",
  'client/src/shell/realtime/channel.ts': "import { connect } from './socketClient';\nexport const request = connect;\n",
  'client/src/features/alarms/alarms.ts': "import { request } from '../../shell/realtime/channel';\nexport const alarms = request;\n",
  'client/src/features/alarms/sneaky.ts': "import { io } from 'socket.io-client';\nexport const sneaky = io;\n",
  'client/src/features/alarms/sneakier.ts': "import { connect } from '../../shell/realtime/socketClient';\nexport const sneakier = connect;\n",
  'client/src/App.vue': "<script setup lang=\"ts\">\nimport { request } from './shell/realtime/channel';\nrequest();\n</script>\n<template><p /></template>\n",
  'client/src/features/alarms/components/AlarmList.vue': "<script setup lang=\"ts\">\nimport { request } from '../../../shell/realtime/channel';\nrequest();\n</script>\n<template><p /></template>\n",
  'client/src/shell/api/server-peek.ts': "import { secret } from '../../../../server/incidents/incident-service';\nexport const peek = secret;\n",
  // Client features: another feature's store may be read; its components are composed only by a screen (or itself).
  'client/src/features/alarms/components/AlarmPanel.vue': "<script setup lang=\"ts\">\nimport AlarmList from './AlarmList.vue';\n</script>\n<template><AlarmList /></template>\n",
  'client/src/features/wall/WallView.vue': "<script setup lang=\"ts\">\nimport AlarmList from '../alarms/components/AlarmList.vue';\n</script>\n<template><AlarmList /></template>\n",
  'client/src/features/wall/wallAlarms.ts': "import { alarms } from '../alarms/alarms';\nexport const wallAlarms = alarms;\n",
  'client/src/features/incidents/components/IncidentCard.vue': "<script setup lang=\"ts\">\nimport AlarmList from '../../alarms/components/AlarmList.vue';\n</script>\n<template><AlarmList /></template>\n",
};

let dir = '';
let found: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-depcruise-'));
  for (const [file, text] of Object.entries(TREE)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const { tsConfig: _projectOnly, ...options } = config.options ?? {};
  const result = await cruise(['server', 'shared', 'client'], {
    ...options,
    baseDir: dir,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  });
  const output = result.output as ICruiseResult;
  found = (output.summary.violations ?? []).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const expectFound = (rule: string, from: string, to: string | RegExp) =>
  expect(found.filter((v) => v.startsWith(`${rule}: ${from} → `)).map((v) => v.split(' → ')[1])).toContainEqual(
    typeof to === 'string' ? to : expect.stringMatching(to),
  );

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  it('shared/ imports nothing from server/ or client/', () => {
    expectFound('shared-stands-alone', 'shared/schemas/leak.ts', 'server/incidents/incident-service.ts');
    expectFound('shared-stands-alone', 'shared/schemas/ui-leak.ts', 'client/src/labels.ts');
  });

  it('a service importing express, socket.io, server/http, server/realtime, routes or node:http is reported', () => {
    expectFound('services-never-import-transport', 'server/incidents/express-service.ts', /node_modules\/express\//);
    expectFound('services-never-import-transport', 'server/incidents/socket-service.ts', /node_modules\/socket\.io\//);
    expectFound('services-never-import-transport', 'server/incidents/respond-service.ts', 'server/http/respond.ts');
    expectFound('services-never-import-transport', 'server/incidents/realtime-service.ts', 'server/realtime/types.ts');
    expectFound('services-never-import-transport', 'server/incidents/route-service.ts', 'server/incidents/routes.ts');
    expectFound('services-never-import-node-http', 'server/incidents/node-http-service.ts', /^(node:)?http$/);
  });

  it('routes, socket handlers, modules and the composition root may import transport', () => {
    const edges = ['server/incidents/routes.ts', 'server/incidents/incident-sockets.ts', 'server/incidents/incident-module.ts', 'server/app.ts'];
    expect(found.filter((v) => edges.some((e) => v.includes(`: ${e} → `)))).toEqual([]);
  });

  it('only client/src/shell/realtime imports socket.io-client or socketClient.ts', () => {
    expectFound('socket-only-in-realtime', 'client/src/features/alarms/sneaky.ts', /node_modules\/socket\.io-client\//);
    expectFound('socket-only-in-realtime', 'client/src/features/alarms/sneakier.ts', 'client/src/shell/realtime/socketClient.ts');
    expect(found.filter((v) => v.includes(': client/src/shell/realtime/') || v.includes(': client/src/features/alarms/alarms.ts'))).toEqual([]);
  });

  it('a component importing the realtime module is reported; the shell (App.vue) is not', () => {
    expectFound('components-never-import-realtime', 'client/src/features/alarms/components/AlarmList.vue', 'client/src/shell/realtime/channel.ts');
    expect(found.filter((v) => v.includes(': client/src/App.vue → '))).toEqual([]);
  });

  it("a feature's component used by another feature is reported; screens, the feature itself and stores are not", () => {
    expectFound('feature-components-stay-in-their-feature', 'client/src/features/incidents/components/IncidentCard.vue', 'client/src/features/alarms/components/AlarmList.vue');
    const allowed = ['client/src/features/alarms/components/AlarmPanel.vue', 'client/src/features/wall/WallView.vue', 'client/src/features/wall/wallAlarms.ts'];
    expect(found.filter((v) => v.startsWith('feature-components-stay-in-their-feature: ') && allowed.some((a) => v.includes(`: ${a} → `)))).toEqual([]);
  });

  it('client and server share code only through shared/', () => {
    expectFound('client-and-server-apart', 'client/src/shell/api/server-peek.ts', 'server/incidents/incident-service.ts');
    expectFound('server-never-imports-client', 'server/incidents/client-peek.ts', 'client/src/labels.ts');
  });

  it('a cycle between two features is reported', () => {
    expectFound('no-cycles', 'server/shelters/shelter-service.ts', 'server/supplies/supply-service.ts');
  });
});
