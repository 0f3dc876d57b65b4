import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventRouter } from '../../shell/realtime/eventRouter';
import { SyncSession } from '../../shell/realtime/syncSession';
import { ev, snapshot } from '../../shell/realtime/testFixtures';
import { capApi, warningsApi } from './api';
import { receivedSections } from './capModel';
import { useContactsStore } from './contactsStore';
import { useWarningsStore } from './store';
import { makeCapAlert, makeContact, makeRecipient, makeWarning } from './testFixtures';

vi.mock('./api', () => ({ warningsApi: { recipients: vi.fn(), deliveries: vi.fn() }, capApi: { get: vi.fn() } }));
const capGetApi = vi.mocked(capApi.get);
const recipientsApi = vi.mocked(warningsApi.recipients);
const deliveriesApi = vi.mocked(warningsApi.deliveries);

describe('warnings store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    recipientsApi.mockReset();
    deliveriesApi.mockReset();
    capGetApi.mockReset();
  });

  function start() {
    const sync = new SyncSession(createEventRouter());
    sync.beginHello();
    const coverage = { warningId: 'warning-1', townships: [{ township: '石浦镇', recipients: 2, received: 0, done: 0 }] };
    sync.completeHello({ mode: 'snapshot', snapshot: snapshot(10, { warnings: [makeWarning()], capAlerts: [makeCapAlert()], warningCoverage: [coverage], contacts: [makeContact()] }), positions: [] });
    return sync;
  }

  it('takes warnings, received alerts, coverage and contacts from the snapshot, and follows the events', () => {
    const sync = start();
    const store = useWarningsStore();
    expect(store.get('warning-1')?.status).toBe('issued');
    expect(store.capAlerts).toHaveLength(1);
    expect(useContactsStore().list.map((c) => c.name)).toEqual(['石浦镇长']);

    sync.receiveEvent(ev(11, 'warning.drafted', { warning: makeWarning({ id: 'warning-2', status: 'draft', identifier: null, updatedAt: '2026-08-09T01:00:00.000Z' }) }));
    sync.receiveEvent(ev(12, 'warning.coverage_changed', { warningId: 'warning-1', townships: [{ township: '石浦镇', recipients: 2, received: 1, done: 0 }] }));
    const cancel = makeWarning({ id: 'warning-3', msgType: 'Cancel', replacesId: 'warning-1', updatedAt: '2026-08-09T02:00:00.000Z' });
    sync.receiveEvent(ev(13, 'warning.replaced', { warning: makeWarning({ status: 'cancelled', replacedById: 'warning-3', updatedAt: '2026-08-09T02:00:00.000Z' }), replacedBy: cancel, reason: '解除' }));
    sync.receiveEvent(ev(14, 'contact.removed', { contactId: 'contact-1' }));

    expect(store.get('warning-2')?.status).toBe('draft');
    expect(store.coverage['warning-1']?.townships[0]?.received).toBe(1);
    expect(store.get('warning-1')?.status).toBe('cancelled');
    expect(store.get('warning-3')?.msgType).toBe('Cancel');
    expect(useContactsStore().list).toEqual([]);
  });

  it('ignores a late older copy of a warning', () => {
    const sync = start();
    sync.receiveEvent(ev(11, 'warning.replaced', { warning: makeWarning({ status: 'updated', updatedAt: '2026-08-09T02:00:00.000Z' }), replacedBy: makeWarning({ id: 'warning-2' }), reason: null }));
    sync.receiveEvent(ev(12, 'warning.issued', { warning: makeWarning() }));
    expect(useWarningsStore().get('warning-1')?.status).toBe('updated');
  });

  it('keeps an opened warning’s recipients live: queued, sent, answered, and a late "sent" never hides 收到', async () => {
    const sync = start();
    const store = useWarningsStore();
    let answer!: (r: ReturnType<typeof makeRecipient>[]) => void;
    recipientsApi.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    deliveriesApi.mockResolvedValue([]);
    const loading = store.trackAnswers('warning-1');
    // 收到 arrives while the list is still on its way, and the list (read before it) says only "sent".
    sync.receiveEvent(ev(11, 'warning.recipient_changed', { recipient: makeRecipient({ state: 'received', receivedAt: '2026-08-09T00:05:00.000Z' }), cause: 'received' }));
    answer([makeRecipient({ state: 'sent' }), makeRecipient({ id: 'recipient-2', name: '鹤浦镇长', township: '鹤浦镇', state: 'queued', sentAt: null })]);
    await loading;
    expect(store.answersOf('warning-1')?.recipients['recipient-1']?.state).toBe('received');

    sync.receiveEvent(ev(12, 'warning.recipients_sent', { warningId: 'warning-1', recipientIds: ['recipient-1', 'recipient-2'], at: '2026-08-09T00:06:00.000Z' }));
    const held = store.answersOf('warning-1')!.recipients;
    expect([held['recipient-1']?.state, held['recipient-2']?.state, held['recipient-2']?.sentAt]).toEqual(['received', 'sent', '2026-08-09T00:06:00.000Z']);
    sync.receiveEvent(ev(13, 'warning.recipients_queued', { warningId: 'warning-1', role: 'backup', recipients: [makeRecipient({ id: 'recipient-3', role: 'backup', state: 'queued' })] }));
    expect(Object.keys(store.answersOf('warning-1')!.recipients)).toHaveLength(3);
    expect(recipientsApi).toHaveBeenCalledTimes(1);
  });

  it('holds no recipients of a warning the desk has not opened', () => {
    const sync = start();
    sync.receiveEvent(ev(11, 'warning.recipient_changed', { recipient: makeRecipient({ state: 'received' }), cause: 'received' }));
    expect(useWarningsStore().answersOf('warning-1')).toBeUndefined();
  });

  it('fetches a received alert the snapshot no longer holds (a link to one cancelled days ago) and lists it as ended', async () => {
    start();
    const store = useWarningsStore();
    const old = makeCapAlert({ id: 'cap-old', identifier: 'old', state: 'cancelled', sent: '2026-07-01T00:00:00.000Z' });
    capGetApi.mockResolvedValue(old);
    expect(store.capById['cap-old']).toBeUndefined();
    await store.fetchAlert('cap-old');
    expect(capGetApi).toHaveBeenCalledWith('cap-old');
    expect(store.capById['cap-old']?.state).toBe('cancelled');
    const sections = receivedSections(store.capAlerts, Date.parse('2026-08-09T00:00:00Z'));
    expect(sections.inForce.map((a) => a.id)).not.toContain('cap-old');
    expect(sections.ended.map((a) => a.id)).toContain('cap-old');
  });

  it('keeps the copy an event brought while a fetched alert was on its way', async () => {
    const sync = start();
    const store = useWarningsStore();
    let answer!: (a: ReturnType<typeof makeCapAlert>) => void;
    capGetApi.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const fetching = store.fetchAlert('cap-2');
    sync.receiveEvent(ev(11, 'cap.replaced', { alert: makeCapAlert({ id: 'cap-2', state: 'updated' }), replacedBy: 'cap-3' }));
    answer(makeCapAlert({ id: 'cap-2', state: 'active' }));
    await fetching;
    expect(store.capById['cap-2']?.state).toBe('updated');
  });

  it('lets a failed fetch reject, so the page can say the alert is not there', async () => {
    start();
    capGetApi.mockRejectedValue(new Error('NOT_FOUND'));
    await expect(useWarningsStore().fetchAlert('nope')).rejects.toThrow('NOT_FOUND');
    expect(useWarningsStore().capById['nope']).toBeUndefined();
  });
});
