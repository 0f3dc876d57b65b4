import type net from 'node:net';
import { TidewatchApp } from './app';
import { withBootLock } from './cluster/boot-lock';
import { ConfigError, loadConfig } from './config/config';
import { createLogger } from './logger';
import { ensureAdmin, seedDemoCounty, seedDemoSituation } from './seed/seed';
import { seedDemoStations } from './sensors/demo-stations';
import { startSimulation } from './simulate/simulation';
import { startupBanner } from './startup-banner';
import { seedDemoTyphoon } from './typhoon/demo-seed';
import { loadTlsMaterial } from './tls/certificates';
import { listenDualProtocol } from './tls/dual-protocol';
import { seedDemoWarnings } from './warnings/demo-warnings';
import { seedDemoPlans } from './response/demo-seed';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  // Several instances may start at once on an empty database: one migrates and seeds while the others wait.
  const { app, admin, demo } = await withBootLock(config.DATABASE_URL, config.DATABASE_SCHEMA, async () => {
    const app = await TidewatchApp.create(config, logger);
    const { services } = app;
    const admin = await ensureAdmin(services.store.db, services.users, config.ADMIN_PASSWORD);
    const demo = config.SEED === 'demo' ? await seedDemoCounty(services.store.db, services.teams, services.users, config.dataDir) : null;
    if (demo) await seedDemoSituation(services.store.db, services);
    if (demo) await seedDemoTyphoon(services.typhoons);
    if (demo) await seedDemoWarnings(services.store.db, services.warnings);
    if (demo) await seedDemoStations(services.stations);
    if (demo) await seedDemoPlans(services.store.db, { plans: services.responses.plans, contacts: services.warnings.contacts });
    return { app, admin, demo };
  });
  const { services } = app;

  const tls = await loadTlsMaterial({ dataDir: config.dataDir, certPath: config.TLS_CERT, keyPath: config.TLS_KEY, extraHostnames: config.PUBLIC_HOSTNAMES, logger });
  const listener: net.Server = await listenDualProtocol({ server: app.httpServer, tls, port: config.PORT, host: config.HOST });
  await new Promise<void>((resolve) => app.osmandServer.listen(config.OSMAND_PORT, config.HOST, resolve));
  app.start();
  const stopSimulation = config.SIMULATE ? await startSimulation({ app, config, logger }) : null;

  const host = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  const urls = {
    wall: `https://${host}:${config.PORT}/wall`,
    desk: `https://${host}:${config.PORT}/desk`,
    field: `https://${host}:${config.PORT}/field`,
    'plain http': `http://${host}:${config.PORT} (localhost and device ingest)`,
    osmand: `http://${host}:${config.OSMAND_PORT}/`,
    owntracks: `https://${host}:${config.PORT}/ingest/owntracks`,
  };
  logger.info({ ...urls, store: services.store.location, dataDir: config.dataDir, tlsCa: tls.caCertPath }, 'listening');
  if (admin.generatedPassword) logger.warn({ username: 'admin' }, 'first run: admin account created; its password is printed once on the console');
  if (demo) logger.info({ accountsFile: demo.accountsFile }, 'demo county seeded; demo account passwords are in this file');
  process.stdout.write(
    startupBanner({ urls, store: services.store.location, dataDir: config.dataDir, tlsCa: tls.caCertPath, adminPassword: admin.generatedPassword, demoAccountsFile: demo?.accountsFile ?? null }),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: flushing pending writes');
    stopSimulation?.();
    listener.close();
    await app.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error('Tidewatch failed to start:', error);
  process.exit(1);
});
