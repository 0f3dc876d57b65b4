import { WARNING_COLOURS, type Warning, type WarningColour, type WarningText } from '@shared/schemas/warning';

/** Where a county warning stands for the desk: a draft waiting for 签发, in force, or ended (and why). */
export type WarningStanding = 'draft' | 'in_force' | 'expired' | 'updated' | 'cancelled';

export function standingOf(w: Warning, now: number): WarningStanding {
  if (w.status === 'draft') return 'draft';
  if (w.status === 'updated') return 'updated';
  if (w.status === 'cancelled') return 'cancelled';
  return Date.parse(w.expires) > now ? 'in_force' : 'expired';
}

/** Cancel messages are recorded as warnings of their own; the board shows them through the one they cancelled. */
const shown = (w: Warning) => w.msgType !== 'Cancel';

/** Most severe first; then the newest. */
export const bySeverityThenNewest = <T extends { colour: WarningColour; at: string }>(a: T, b: T): number =>
  WARNING_COLOURS.indexOf(b.colour) - WARNING_COLOURS.indexOf(a.colour) || b.at.localeCompare(a.at);

export interface BoardSections {
  inForce: Warning[];
  drafts: Warning[];
  ended: Warning[];
}

/** The desk's three lists: in force (most severe first), drafts waiting for 签发 (oldest first: it has waited longest), ended (latest first). */
export function boardSections(warnings: readonly Warning[], now: number): BoardSections {
  const sections: BoardSections = { inForce: [], drafts: [], ended: [] };
  for (const w of warnings.filter(shown)) {
    const standing = standingOf(w, now);
    if (standing === 'draft') sections.drafts.push(w);
    else if (standing === 'in_force') sections.inForce.push(w);
    else sections.ended.push(w);
  }
  const severity = (w: Warning) => ({ colour: w.colour, at: w.issuedAt ?? w.updatedAt });
  sections.inForce.sort((a, b) => bySeverityThenNewest(severity(a), severity(b)));
  sections.drafts.sort((a, b) => a.draftedAt.localeCompare(b.draftedAt));
  sections.ended.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return sections;
}

/** The texts in the reader's language, Chinese when the warning has none in it. */
export const textIn = (w: Pick<Warning, 'texts'>, locale: string): WarningText => (locale.startsWith('en') && w.texts.en ? w.texts.en : w.texts['zh-CN']);

/** Whether this user may 签发 it: only a commander, and only a draft (the drafter and the approver are both recorded). */
export const maySignOff = (w: Warning, user: { id: string; role: string } | null): boolean => !!user && user.role === 'commander' && w.status === 'draft';

/** Update and cancel are for a warning in force. */
/** The published CAP file of a warning (none for a draft): what the desk saves it as, or null. */
export const capFileName = (w: Pick<Warning, 'status' | 'identifier' | 'issuedAt'>): string | null => (w.status !== 'draft' && w.identifier && w.issuedAt ? `${w.identifier.replace(/[^\w.-]/g, '_')}.xml` : null);

export const mayReplace = (w: Warning, now: number): boolean => standingOf(w, now) === 'in_force';

/** The colours as CSS, the national signal colours. */
export const COLOUR_CSS: Record<WarningColour, string> = { blue: '#1d63d8', yellow: '#e6b800', orange: '#f07c00', red: '#d7191c' };
/** Text on each colour, dark where white would not read. */
export const COLOUR_INK: Record<WarningColour, string> = { blue: '#ffffff', yellow: '#1b2a3a', orange: '#1b2a3a', red: '#ffffff' };
