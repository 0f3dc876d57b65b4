import type { CapAlert, CapInfo } from '@shared/schemas/cap-alert';
import type { Contact } from '@shared/schemas/contact';
import type { Recipient, Warning } from '@shared/schemas/warning';

const AT = '2026-08-09T00:00:00.000Z';

export function makeWarning(over: Partial<Warning> = {}): Warning {
  return {
    id: 'warning-1',
    identifier: '33022500000000_20260809080000',
    msgType: 'Alert',
    replacesId: null,
    hazard: 'typhoon',
    colour: 'orange',
    townships: ['石浦镇', '鹤浦镇'],
    texts: {
      'zh-CN': { headline: '象山县发布台风橙色预警', description: '12小时内可能受台风影响', instruction: '立即转移' },
      en: { headline: 'Xiangshan issues an orange typhoon warning', description: 'Typhoon within 12 hours', instruction: 'Evacuate' },
    },
    effective: AT,
    expires: '2026-08-10T00:00:00.000Z',
    status: 'issued',
    exercise: false,
    draftedBy: { id: 'u-duty', name: '值班员甲' },
    draftedAt: AT,
    approvedBy: { id: 'u-cmd', name: '值班指挥长' },
    issuedAt: AT,
    replacedById: null,
    updatedAt: AT,
    ...over,
  };
}

export function makeRecipient(over: Partial<Recipient> = {}): Recipient {
  return {
    id: 'recipient-1',
    warningId: 'warning-1',
    subjectType: 'warning',
    backupFor: null,
    contactId: 'contact-1',
    name: '石浦镇长',
    duty: 'township_head',
    township: '石浦镇',
    phones: ['13900000001'],
    role: 'primary',
    state: 'sent',
    queuedAt: AT,
    sentAt: AT,
    openedAt: null,
    receivedAt: null,
    doneAt: null,
    doneNote: null,
    hasPhoto: false,
    phoneAnswer: null,
    failures: [],
    ...over,
  };
}

export function makeCapInfo(over: Partial<CapInfo> = {}): CapInfo {
  return {
    language: 'zh-CN',
    category: ['Met'],
    event: '雷电',
    urgency: 'Future',
    severity: 'Moderate',
    certainty: 'Likely',
    eventCodes: [],
    parameters: [],
    effective: AT,
    onset: null,
    expires: '2026-08-10T00:00:00.000Z',
    senderName: '保定市气象台',
    headline: '保定市气象台发布雷电黄色预警',
    description: '预计未来6小时内',
    instruction: '',
    web: '',
    areas: [{ description: '保定市', polygons: [[[115, 38], [116, 38], [116, 39], [115, 38]]], circles: [], geocodes: [], drawnFrom: 'alert', outlineOf: null }],
    ...over,
  };
}

export function makeCapAlert(over: Partial<CapAlert> = {}): CapAlert {
  return {
    id: 'cap-1',
    capVersion: '1.2',
    identifier: '13060041600000_20260809080000',
    sender: '13060041600000',
    sent: AT,
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    references: [],
    infos: [makeCapInfo({ language: 'en-US', headline: 'Baoding issues a yellow lightning warning', senderName: 'Baoding Meteorological Observatory' }), makeCapInfo()],
    state: 'active',
    replacedById: null,
    source: 'upload',
    receivedAt: AT,
    ...over,
  };
}

export function makeContact(over: Partial<Contact> = {}): Contact {
  return { id: 'contact-1', name: '石浦镇长', duty: 'township_head', township: '石浦镇', unit: '', phones: ['13900000001'], channels: ['sms'], backupId: null, updatedAt: AT, ...over };
}
