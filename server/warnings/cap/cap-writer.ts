import { XMLBuilder } from 'fast-xml-parser';
import { SEVERITY_OF_COLOUR, type Warning, type WarningText } from '../../../shared/schemas/warning';
import { COLOUR_INFO, HAZARD_INFO } from '../hazards';
import { COUNTY_CODE } from './cap-areas';
import { beijingDateTime } from './cap-identifier';
import { capPolygonText, townshipRings } from './township-polygons';

export interface CapPublisher {
  /** `<sender>`: no spaces or commas. */
  sender: string;
  /** `<senderName>` per language. */
  senderName: { 'zh-CN': string; en: string };
}

/** An earlier message this one updates or cancels: CAP references it as `sender,identifier,sent`. */
export interface CapReference {
  identifier: string;
  sent: string;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true });

const LANGUAGES = [
  ['zh-CN', 'zh-CN'],
  ['en', 'en-US'],
] as const;

function infoBlock(warning: Warning, language: 'zh-CN' | 'en', capLanguage: string, text: WarningText, publisher: CapPublisher) {
  const hazard = HAZARD_INFO[warning.hazard];
  const colour = COLOUR_INFO[warning.colour];
  const zh = language === 'zh-CN';
  return {
    language: capLanguage,
    category: hazard.category,
    event: zh ? hazard.zh : hazard.en,
    urgency: warning.msgType === 'Cancel' ? 'Past' : colour.urgency,
    severity: SEVERITY_OF_COLOUR[warning.colour],
    certainty: 'Likely',
    ...(hazard.nationalCode ? { eventCode: [{ valueName: 'National Event Type Code', value: hazard.nationalCode }] } : {}),
    effective: beijingDateTime(warning.effective),
    expires: beijingDateTime(warning.expires),
    senderName: publisher.senderName[language],
    headline: text.headline,
    description: text.description,
    ...(text.instruction ? { instruction: text.instruction } : {}),
    parameter: [
      { valueName: 'Colour', value: colour.en },
      { valueName: 'Level', value: colour.level },
    ],
    area: warning.townships.map((township) => ({
      areaDesc: township,
      polygon: townshipRings(township).map(capPolygonText),
      geocode: [
        { valueName: 'CPEAS Geographic Code', value: `${COUNTY_CODE}000000` },
        { valueName: 'Township', value: township },
      ],
    })),
  };
}

/**
 * A warning as a CAP 1.2 alert. Element order follows the schema's sequences (the builder keeps key order).
 * `sent` is the issue time in +08:00; `references` lists every earlier message of the chain.
 */
export function buildCapXml(warning: Warning, sentAt: number, earlier: CapReference[], publisher: CapPublisher, note?: string): string {
  if (!warning.identifier) throw new Error('a warning is written as CAP only once it has its identifier');
  const infos = LANGUAGES.flatMap(([language, capLanguage]) => {
    const text = warning.texts[language];
    return text ? [infoBlock(warning, language, capLanguage, text, publisher)] : [];
  });
  const alert = {
    '@_xmlns': 'urn:oasis:names:tc:emergency:cap:1.2',
    identifier: warning.identifier,
    sender: publisher.sender,
    sent: beijingDateTime(sentAt),
    status: warning.exercise ? 'Exercise' : 'Actual',
    msgType: warning.msgType,
    scope: 'Public',
    ...(note ? { note } : {}),
    ...(earlier.length ? { references: earlier.map((ref) => `${publisher.sender},${ref.identifier},${beijingDateTime(ref.sent)}`).join(' ') } : {}),
    info: infos,
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ alert }) as string}`;
}
