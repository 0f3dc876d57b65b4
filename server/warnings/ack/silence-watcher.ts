import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../../shared/schemas/event';
import type { Warning, WarningColour } from '../../../shared/schemas/warning';
import type { AlarmService } from '../../alarms/alarm-service';
import type { Database } from '../../db/schema';
import type { Transactor } from '../../events/transactor';
import type { FanOut } from '../delivery/fan-out';
import type { RecipientRow } from '../schema';
import { toWarning } from '../warning-store';
import { backupsOf } from './backups';

export interface SilenceRules {
  /** Minutes a township may stay silent after issue, per colour (红 10, 橙 20, 黄 30, 蓝 60 by default). */
  silenceMinutes: Record<WarningColour, number>;
  /** Minutes after 收到 within which 已落实 is expected. */
  doneMinutes: number;
}

const answered = (r: RecipientRow) => r.state === 'received' || r.state === 'done';
const MINUTE = 60_000;

/**
 * Escalation of 叫应, one pass over the live warnings: past the silence deadline, a silent primary's backup
 * (AB角) is added and sent their own link, and each township with someone silent — or someone who answered
 * 收到 but has not reported 已落实 in time — raises ONE alarm listing those people with the numbers to call.
 * The alarm clears when the township has answered (or the warning ends). Idempotent: a second pass adds nothing.
 */
export class SilenceWatcher {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly alarms: AlarmService,
    private readonly fanOut: FanOut,
    private readonly rules: SilenceRules,
    private readonly clock: () => number,
  ) {}

  async pass(): Promise<void> {
    const now = this.clock();
    const live = (await this.db.selectFrom('warnings').selectAll().where('status', '=', 'issued').where('msg_type', '!=', 'Cancel').execute()).map(toWarning).filter((w) => Date.parse(w.expires) > now);
    const liveIds = new Set(live.map((w) => w.id));
    for (const alarm of await this.alarms.listOpen()) {
      if (alarm.kind === 'warning_unanswered' && !liveIds.has(alarm.sourceId.split('|')[0]!)) await this.alarms.clear('warning_unanswered', alarm.sourceId);
    }
    for (const warning of live) {
      if (now >= Date.parse(warning.issuedAt!) + this.rules.silenceMinutes[warning.colour] * MINUTE) await this.check(warning, now);
    }
  }

  private async check(warning: Warning, now: number): Promise<void> {
    await this.transactor.run(async (tx, record) => {
      const rows = await tx.selectFrom('warning_recipients').selectAll().where('warning_id', '=', warning.id).execute();
      const primaries = rows.filter((r) => r.role === 'primary');
      const backupOf = new Map(rows.filter((r) => r.backup_for).map((r) => [r.backup_for!, r]));
      const silentPrimaries = primaries.filter((p) => !answered(p) && !(backupOf.get(p.id) && answered(backupOf.get(p.id)!)));
      const toAdd = await backupsOf(tx, silentPrimaries.filter((p) => !backupOf.has(p.id)));
      if (toAdd.contacts.length > 0) {
        const added = await this.fanOut.addRecipients(tx, record, warning, toAdd.contacts, 'backup', SYSTEM_ACTOR, toAdd.backupFor);
        for (const recipient of added) {
          const row = await tx.selectFrom('warning_recipients').selectAll().where('id', '=', recipient.id).executeTakeFirstOrThrow();
          backupOf.set(row.backup_for!, row);
        }
      }
      for (const township of warning.townships) {
        const silent = silentPrimaries.filter((p) => p.township === township).flatMap((p) => [p, ...(backupOf.get(p.id) ? [backupOf.get(p.id)!] : [])]);
        const notDone = primaries.filter((p) => p.township === township && p.state === 'received' && p.received_at && Date.parse(p.received_at) + this.rules.doneMinutes * MINUTE <= now);
        const sourceId = `${warning.id}|${township}`;
        if (silent.length === 0 && notDone.length === 0) {
          await this.alarms.clearWithin(tx, record, 'warning_unanswered', sourceId);
          continue;
        }
        const list = (people: RecipientRow[]) => people.map((r) => `${r.name}${r.role === 'backup' ? '（B角）' : ''} ${(JSON.parse(r.phones) as string[]).join('/')}`).join('；');
        await this.alarms.raiseWithin(tx, record, {
          kind: 'warning_unanswered',
          severity: warning.colour === 'red' || warning.colour === 'orange' ? 'critical' : 'warning',
          sound: 'repeat',
          sourceType: 'warning',
          sourceId,
          params: {
            township,
            headline: warning.texts['zh-CN'].headline,
            minutes: Math.floor((now - Date.parse(warning.issuedAt!)) / MINUTE),
            silent: [list(silent), notDone.length ? `未落实：${list(notDone)}` : ''].filter(Boolean).join('；'),
            silentCount: silent.length + notDone.length,
            warningId: warning.id,
          },
        });
      }
    });
  }
}
