import type { Transaction } from 'kysely';
import type { Actor } from '../../../shared/schemas/event';
import type { Database } from '../../db/schema';
import type { RecordEvent } from '../../events/transactor';
import { COLOUR_INFO, HAZARD_INFO } from '../hazards';
import type { RecipientRow } from '../schema';
import { recordCoverage } from './recipient-store';
import { loadWarningRow, toWarning } from '../warning-store';

/**
 * What a personal link asks its holder to answer: a warning (收到 / 已落实) or a plan task of a response
 * (已落实 with a note). Both use the same links, recipient states, phone answers and escalation; a subject
 * says what the page shows and what an answer changes beyond the recipient.
 */
export type SubjectType = 'warning' | 'task';

/** The phone page's content, already in the words shown (Chinese first). */
export interface SubjectView {
  headline: string;
  /** The header colour (hex). */
  colour: string;
  exercise: boolean;
  /** One line under the headline: hazard, level, deadline. */
  meta: string;
  /** Paragraphs. */
  body: string[];
  /** `received`: the page offers 收到 as well as 已落实 (a warning); a task asks only for 已落实. */
  asksReceived: boolean;
}

export interface SubjectPage {
  /** open; replaced: no longer asked (updated, cancelled, closed). Expiry is the link's own. */
  state: 'open' | 'replaced';
  view: SubjectView;
}

export interface AckSubject {
  page(tx: Transaction<Database>, subjectId: string): Promise<SubjectPage>;
  /** In the answering transaction, after the recipient's answer is stored. */
  answered?(tx: Transaction<Database>, record: RecordEvent, row: RecipientRow, actor: Actor): Promise<void>;
}

const WARNING_COLOURS = { blue: '#1565c0', yellow: '#f9a825', orange: '#ef6c00', red: '#c62828' } as const;
const BEIJING = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
export const beijingTime = (iso: string | null): string => (iso ? BEIJING.format(new Date(iso)) : '');

export const warningSubject: AckSubject = {
  async answered(tx, record, row) {
    await recordCoverage(tx, record, toWarning(await loadWarningRow(tx, row.warning_id)));
  },
  async page(tx, warningId) {
    const warning = toWarning(await loadWarningRow(tx, warningId));
    const text = warning.texts['zh-CN'];
    return {
      state: warning.status === 'issued' ? 'open' : 'replaced',
      view: {
        headline: text.headline,
        colour: WARNING_COLOURS[warning.colour],
        exercise: warning.exercise,
        meta: `${HAZARD_INFO[warning.hazard].zh} · ${COLOUR_INFO[warning.colour].zh} · 有效至 ${beijingTime(warning.expires)}`,
        body: [text.description, text.instruction].filter(Boolean),
        asksReceived: true,
      },
    };
  },
};
