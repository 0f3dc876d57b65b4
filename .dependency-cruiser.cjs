/**
 * Layering rules, checked by `npm run lint:deps` (and so by `npm test`).
 * scripts/lint/dependency-rules.test.ts runs each rule on a small tree with a violation to prove it still bites.
 *
 * "Transport" on the server is everything that knows about HTTP or Socket.IO: the packages express,
 * socket.io, helmet, node:http(s) and the folders server/http, server/realtime, server/tls. Only edge files
 * may import it: the composition roots (server/main.ts, app.ts, module.ts, a domain's *-module.ts),
 * a domain's routes (routes.ts, *-routes.ts), socket handlers (*-sockets.ts), the tracker listeners
 * (server/ingest/osmand-server.ts), the version middleware (server/versions/client-protocol.ts,
 * config-route.ts), the test harnesses (server/testing, server/fuzz) and tests. Services, stores, watchers and
 * jobs receive typed inputs and never see a request, a response or a socket.
 */
const TRANSPORT_EDGE = [
  '^server/(main|app|module)[.]ts$',
  '^server/(http|realtime|tls|testing|fuzz)/',
  '^server/.+/(routes|[^/]+-routes|[^/]+-sockets|[^/]+-module)[.]ts$',
  '^server/ingest/osmand-server[.]ts$',
  '^server/versions/(client-protocol|config-route)[.]ts$',
  '[.]test[.]ts$',
  '^server/.+/(int-support|test-support)[.]ts$',
];

module.exports = {
  forbidden: [
    {
      name: 'shared-stands-alone',
      comment: 'shared/ is the contract both sides read: it imports nothing from server/ or client/.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(server|client)/' },
    },
    {
      name: 'services-never-import-transport',
      comment:
        'Only edge files (routes, socket handlers, composition roots, server/http|realtime|tls) touch express, ' +
        'socket.io or the HTTP helpers; services get typed inputs. See the list at the top of this file.',
      severity: 'error',
      from: { path: '^server/', pathNot: TRANSPORT_EDGE },
      to: {
        path: [
          '^server/(http|realtime|tls)/',
          '^server/.+/(routes|[^/]+-routes|[^/]+-sockets)[.]ts$',
          '(^|/)node_modules/(express|socket[.]io|helmet)/',
        ],
      },
    },
    {
      name: 'services-never-import-node-http',
      comment: 'node:http / node:https are transport too (same edge list as services-never-import-transport).',
      severity: 'error',
      from: { path: '^server/', pathNot: TRANSPORT_EDGE },
      to: { dependencyTypes: ['core'], path: '^(node:)?https?$' },
    },
    {
      name: 'socket-only-in-realtime',
      comment: 'Only client/src/shell/realtime owns the socket: nothing else imports socket.io-client or socketClient.ts.',
      severity: 'error',
      from: { path: '^client/', pathNot: '^client/src/shell/realtime/' },
      to: { path: ['(^|/)node_modules/socket[.]io-client/', '^client/src/shell/realtime/socketClient[.]ts$'] },
    },
    {
      name: 'components-never-import-realtime',
      comment:
        'Vue components and views talk to stores and composables, never to the realtime module; only the shell ' +
        '(client/src/App.vue) starts and stops the connection.',
      severity: 'error',
      from: { path: '^client/src/.+[.]vue$', pathNot: '^client/src/App[.]vue$' },
      to: { path: '^client/src/shell/realtime/' },
    },
    {
      name: 'feature-components-stay-in-their-feature',
      comment:
        "A feature's components belong to it: another feature reads its store or model instead. Only the screens " +
        '(client/src/features/<domain>/<Name>View.vue: WallView, DeskView, FieldView, AdminView, LoginView) compose ' +
        "other features' components, plus the small pieces listed here that several features show.",
      severity: 'error',
      from: { path: '^client/src/features/([^/]+)/', pathNot: '^client/src/features/[^/]+/[A-Z][A-Za-z]*View[.]vue$' },
      to: {
        path: '^client/src/features/[^/]+/components/',
        pathNot: [
          '^client/src/features/$1/',
          // A dispatch's priority and state look the same wherever a dispatch is shown (tablet, incident, supply run);
          // the 演练 mark is the same on every drill record.
          '^client/src/features/dispatches/components/(PriorityBadge|StatePill|DrillBadge)[.]vue$',
          // The wall layout form on the desk embeds the wall's video settings.
          '^client/src/features/video/components/WallVideoControls[.]vue$',
        ],
      },
    },
    {
      name: 'client-and-server-apart',
      comment: 'The client and the server share code only through shared/.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-never-imports-client',
      severity: 'error',
      from: { path: '^server/', pathNot: '^server/testing/' },
      to: { path: '^client/' },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles between modules (and so none between features).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Not node_modules here: excluding it would drop the edges to express / socket.io that the rules check.
    exclude: { path: '(^|/)(dist|data|artifacts)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.vue', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
