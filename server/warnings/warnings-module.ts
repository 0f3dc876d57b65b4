import type { BackgroundJob, ModuleParts } from '../module';
import path from 'node:path';
import type { Router } from 'express';
import type { Kysely } from 'kysely';
import type { AlarmService } from '../alarms/alarm-service';
import type { Config } from '../config/config';
import { createContactsModule } from '../contacts/contacts-module';
import type { ContactService } from '../contacts/contact-service';
import type { Contact } from '../../shared/schemas/contact';
import type { WarningLists } from '../../shared/schemas/warning';
import { listContacts } from '../contacts/contact-store';
import type { Db } from '../db/db-handle';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';
import type { Authenticator } from '../http/contract-router';
import { postJson } from '../http/outbound-json';
import { AttachmentFiles } from '../incidents/attachment-files';
import { IntervalJob, type JobLock } from '../jobs/interval-job';
import type { Logger } from '../logger';
import { RecipientService } from './ack/recipient-service';
import { SilenceWatcher } from './ack/silence-watcher';
import { CapFeedPoller } from './cap/cap-feed-poller';
import { CapImportService } from './cap/cap-import-service';
import { dingTalkNotifier, outboxNotifier, smsGatewayNotifier, webhookNotifier } from './delivery/channels';
import { DeliveryDispatcher } from './delivery/delivery-dispatcher';
import { FanOut } from './delivery/fan-out';
import type { Notifier } from './delivery/notifier';
import { publicWarningRoutes } from './public-routes';
import type { LimiterFactory } from '../cluster/rate-limiters';
import { warningRoutes } from './routes';
import { WarningService } from './warning-service';
import { readWarningLists } from './warning-snapshot';

type WarningConfig = Pick<
  Config,
  | 'dataDir'
  | 'PUBLIC_BASE_URL'
  | 'CAP_SENDER'
  | 'CAP_SENDER_CODE'
  | 'CAP_SENDER_NAME'
  | 'CAP_SENDER_NAME_EN'
  | 'CAP_FEED_EXERCISES'
  | 'CAP_FEED_URLS'
  | 'CAP_FEED_POLL_SECONDS'
  | 'WARNING_SILENCE_MINUTES'
  | 'WARNING_DONE_MINUTES'
  | 'WEBHOOK_URL'
  | 'WEBHOOK_SECRET'
  | 'DINGTALK_WEBHOOK_URL'
  | 'DINGTALK_SECRET'
  | 'SMS_GATEWAY_URL'
  | 'SMS_GATEWAY_BODY'
  | 'SMS_GATEWAY_HEADER'
>;

export interface WarningsModuleDeps {
  db: Kysely<Database>;
  transactor: Transactor;
  alarms: AlarmService;
  sessions: Authenticator;
  config: WarningConfig;
  logger: Logger;
  jobLock?: JobLock;
  /** Rate limits of the public answer pages (shared through Redis in cluster mode). */
  limiters?: LimiterFactory;
  clock: () => number;
}

export interface WarningsModule extends ModuleParts {
  services: { warnings: WarningService; recipients: RecipientService; caps: CapImportService; contacts: ContactService; deliveries: DeliveryDispatcher; links: FanOut };
  /** Sends what is queued now instead of at the next tick (after another domain queued personal links). */
  sendNow(): void;
  /** Under /api: warnings, received CAP alerts, contacts. */
  routes: Router[];
  /** At the root, no sign-in: the public CAP feed and the personal answer pages. */
  rootRoutes: Router[];
  jobs: BackgroundJob[];
  /** The board's part of the snapshot: warnings, received alerts, coverage. */
  readSnapshot(db: Db): Promise<WarningLists>;
  /** The contacts registry, for staff snapshots. */
  readContacts(db: Db): Promise<Contact[]>;
}

export function channelsFor(config: WarningConfig, clock: () => number): Notifier[] {
  return [
    outboxNotifier,
    ...(config.SMS_GATEWAY_URL ? [smsGatewayNotifier(postJson, config.SMS_GATEWAY_URL, config.SMS_GATEWAY_BODY, config.SMS_GATEWAY_HEADER)] : []),
    ...(config.DINGTALK_WEBHOOK_URL ? [dingTalkNotifier(postJson, config.DINGTALK_WEBHOOK_URL, config.DINGTALK_SECRET, clock)] : []),
    ...(config.WEBHOOK_URL ? [webhookNotifier(postJson, config.WEBHOOK_URL, config.WEBHOOK_SECRET, clock)] : []),
  ];
}

/** Warnings (预警) and 叫应 with their contacts, CAP in and out, the channels and the jobs: one call in the composition root. */
export function createWarningsModule(deps: WarningsModuleDeps): WarningsModule {
  const { db, transactor, config, logger, clock } = deps;
  const contactsModule = createContactsModule({ db, transactor, sessions: deps.sessions, clock });
  const notifiers = channelsFor(config, clock);
  const fanOut = new FanOut({ channels: new Set(notifiers.map((n) => n.channel)), publicBaseUrl: config.PUBLIC_BASE_URL ?? null, clock });
  const publisher = { sender: config.CAP_SENDER, senderCode: config.CAP_SENDER_CODE, senderName: { 'zh-CN': config.CAP_SENDER_NAME, en: config.CAP_SENDER_NAME_EN } };
  const warnings = new WarningService(db, transactor, publisher, (tx, record, warning, actor) => fanOut.published(tx, record, warning, actor), clock);
  const recipients = new RecipientService(db, transactor, clock);
  const caps = new CapImportService(db, transactor, clock);
  const deliveries = new DeliveryDispatcher(db, transactor, { notifiers, clock });
  const watcher = new SilenceWatcher(db, transactor, deps.alarms, fanOut, { silenceMinutes: config.WARNING_SILENCE_MINUTES, doneMinutes: config.WARNING_DONE_MINUTES }, clock);
  const lock = deps.jobLock ? { lock: deps.jobLock } : {};
  const sending = new IntervalJob({ name: 'warning-deliveries', everyMs: 2_000, pass: () => deliveries.pass(), whileRunning: 'queue', logger, ...lock });
  const escalation = new IntervalJob({ name: 'warning-silence', everyMs: 30_000, pass: () => watcher.pass(), whileRunning: 'join', logger, ...lock });
  const jobs: BackgroundJob[] = [sending, escalation];
  if (config.CAP_FEED_URLS.length > 0) {
    const poller = new CapFeedPoller(config.CAP_FEED_URLS, caps, logger);
    jobs.push(new IntervalJob({ name: 'cap-feeds', everyMs: config.CAP_FEED_POLL_SECONDS * 1000, pass: () => poller.pass(), whileRunning: 'join', logger, ...lock }));
  }
  return {
    services: { warnings, recipients, caps, contacts: contactsModule.contacts, deliveries, links: fanOut },
    sendNow: () => void sending.runNow(),
    routes: [warningRoutes({ sessions: deps.sessions, warnings, recipients, deliveries, caps, published: () => void sending.runNow() }), contactsModule.router],
    rootRoutes: [
      publicWarningRoutes({
        warnings,
        recipients,
        photos: new AttachmentFiles(path.join(config.dataDir, 'attachments')),
        feedExercises: config.CAP_FEED_EXERCISES,
        publicBaseUrl: config.PUBLIC_BASE_URL ?? null,
        feedTitle: `${config.CAP_SENDER_NAME} 预警`,
        sender: config.CAP_SENDER_NAME,
        clock,
        limiters: deps.limiters,
      }),
    ],
    jobs,
    readSnapshot: (snapshotDb) => readWarningLists(snapshotDb, clock()),
    readContacts: (snapshotDb) => listContacts(snapshotDb),
  };
}
