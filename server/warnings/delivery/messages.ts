import type { Contact } from '../../../shared/schemas/contact';
import type { Warning } from '../../../shared/schemas/warning';

const drill = (w: Warning) => (w.exercise ? '【演练】' : '');

/** The SMS / outbox text for one person: the warning's headline and their personal link (or, without one, a call-back request). */
export function personalText(warning: Warning, link: string | null): string {
  const zh = warning.texts['zh-CN'];
  if (warning.msgType === 'Cancel') return `${drill(warning)}${zh.headline}`;
  const ask = link ? `请打开链接确认“收到”，落实后点“已落实”：${link}` : '请立即电话回复县防指值班室“收到”。';
  return `${drill(warning)}${zh.headline}。${ask}`;
}

/** The group message (DingTalk): the whole warning and who must answer, never a personal link. */
export function groupText(warning: Warning, people: Contact[]): string {
  const zh = warning.texts['zh-CN'];
  const lines = [`${drill(warning)}${zh.headline}`, zh.description, zh.instruction];
  if (warning.msgType !== 'Cancel' && people.length > 0) lines.push(`请以下责任人查收个人短信链接并确认：${people.map((p) => `${p.township}${p.name}`).join('、')}`);
  return lines.filter(Boolean).join('\n');
}

/** The webhook's JSON body: the warning and its addressees, without links. */
export function webhookBody(warning: Warning, people: Contact[]): string {
  return JSON.stringify({
    kind: 'tidewatch.warning',
    identifier: warning.identifier,
    msgType: warning.msgType,
    exercise: warning.exercise,
    hazard: warning.hazard,
    colour: warning.colour,
    townships: warning.townships,
    texts: warning.texts,
    effective: warning.effective,
    expires: warning.expires,
    recipients: people.map((p) => ({ name: p.name, duty: p.duty, township: p.township, phones: p.phones })),
  });
}
