import type { Recipient, Warning } from '../../../../shared/schemas/warning';
import { inReport, withinWindow, type ReportSection } from '../section';
import { durationStats, secondsBetween } from '../stats';

/** Warnings issued in the window: per township, who was addressed, who answered (收到, 已落实) and how fast. */
export const warningsSection: ReportSection<'warnings'> = {
  key: 'warnings',
  types: ['warning.issued', 'warning.replaced', 'warning.recipients_queued', 'warning.recipient_changed'],
  start(context) {
    const warnings = new Map<string, Warning>();
    const recipients = new Map<string, Recipient>();
    return {
      add(event) {
        switch (event.type) {
          case 'warning.issued':
            warnings.set(event.payload.warning.id, event.payload.warning);
            break;
          case 'warning.replaced':
            warnings.set(event.payload.warning.id, event.payload.warning);
            break;
          case 'warning.recipients_queued':
            for (const r of event.payload.recipients) recipients.set(r.id, r);
            break;
          case 'warning.recipient_changed':
            recipients.set(event.payload.recipient.id, event.payload.recipient);
            break;
        }
      },
      finish() {
        const issued = [...warnings.values()].filter((w) => w.issuedAt !== null && withinWindow(w.issuedAt, context) && inReport(w, context));
        issued.sort((a, b) => (a.issuedAt as string).localeCompare(b.issuedAt as string));
        const byWarning = new Map<string, Recipient[]>();
        for (const r of recipients.values()) byWarning.set(r.warningId, [...(byWarning.get(r.warningId) ?? []), r]);
        const rows = issued.map((w) => {
          const issuedAt = w.issuedAt as string;
          const list = byWarning.get(w.id) ?? [];
          const townships = w.townships.map((township) => {
            const people = list.filter((r) => r.township === township);
            const answers = people.map(answeredAt).filter((at): at is string => at !== null);
            return {
              township,
              recipients: people.length,
              received: answers.length,
              done: people.filter((r) => r.state === 'done').length,
              coveragePercent: people.length === 0 ? null : Math.round((answers.length / people.length) * 1000) / 10,
              ack: durationStats(answers.map((at) => Math.max(0, secondsBetween(issuedAt, at)))),
            };
          });
          return { id: w.id, hazard: w.hazard, colour: w.colour, headline: w.texts['zh-CN'].headline, issuedAt, status: w.status, townships };
        });
        return { issued: rows.length, rows };
      },
    };
  },
};

/** 收到, by the link or by phone (电话叫应). */
function answeredAt(r: Recipient): string | null {
  if (r.receivedAt) return r.receivedAt;
  if (r.phoneAnswer) return r.phoneAnswer.at;
  if (r.state === 'done') return r.doneAt;
  return null;
}
