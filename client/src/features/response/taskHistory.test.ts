import { describe, expect, it } from 'vitest';
import type { Recipient } from '@shared/schemas/warning';
import { taskAnswers, taskHistory } from './taskHistory';
import { makeRecipient } from '../warnings/testFixtures';
import { makeTask } from './testFixtures';

/** A task's link recipient: the warnings' recipient fixture, addressed to a task. */
const recipient = (over: Partial<Recipient>): Recipient =>
  makeRecipient({ id: 'r-a', warningId: 'task-1', subjectType: 'task', contactId: 'contact-a', name: '石浦A角', queuedAt: '2025-09-15T01:00:00.000Z', sentAt: '2025-09-15T01:00:05.000Z', ...over });

const silentA = recipient({});
const backupB = recipient({ id: 'r-b', contactId: 'contact-b', name: '石浦B角', phones: ['13900000002'], role: 'backup', backupFor: 'r-a', state: 'done', sentAt: '2025-09-15T02:01:05.000Z', openedAt: '2025-09-15T02:05:00.000Z', receivedAt: '2025-09-15T02:10:00.000Z', doneAt: '2025-09-15T02:10:00.000Z', doneNote: '渔船已回港' });

describe('who answered a task', () => {
  it('names who answered, by link or by phone (and who took the call), with the note; the silent show no answer', () => {
    const byPhone = recipient({ id: 'r-c', name: '鹤浦A角', township: '鹤浦镇', state: 'done', doneAt: '2025-09-15T02:20:00.000Z', receivedAt: '2025-09-15T02:20:00.000Z', phoneAnswer: { by: '值班员甲', at: '2025-09-15T02:20:00.000Z', note: '电话确认' } });
    expect(taskAnswers([silentA, backupB, byPhone])).toEqual([
      { name: '石浦A角', township: '石浦镇', role: 'primary', phone: '13900000001', via: null, takenBy: null, at: null, note: '', state: 'sent' },
      { name: '石浦B角', township: '石浦镇', role: 'backup', phone: '13900000002', via: 'link', takenBy: null, at: '2025-09-15T02:10:00.000Z', note: '渔船已回港', state: 'done' },
      { name: '鹤浦A角', township: '鹤浦镇', role: 'primary', phone: '13900000001', via: 'phone', takenBy: '值班员甲', at: '2025-09-15T02:20:00.000Z', note: '电话确认', state: 'done' },
    ]);
  });

  it('tells the task’s history in order: created, sent, escalated to the B角, opened, answered, done', () => {
    const task = makeTask({
      state: 'done',
      doneAt: '2025-09-15T02:10:00.000Z',
      doneBy: '石浦镇 石浦B角',
      note: '渔船已回港',
      escalations: [{ contactId: 'contact-b', name: '石浦B角', phones: ['13900000002'], forName: '石浦A角', at: '2025-09-15T02:01:00.000Z' }],
    });
    expect(taskHistory(task, [silentA, backupB]).map((e) => [e.kind, e.who, e.detail])).toEqual([
      ['created', task.ownerName, ''],
      ['sent', '石浦A角', '13900000001'],
      ['escalated', '石浦B角', '石浦A角'],
      ['sent', '石浦B角', '13900000002'],
      ['opened', '石浦B角', ''],
      ['answered', '石浦B角', '渔船已回港'],
      ['done', '石浦镇 石浦B角', '渔船已回港'],
    ]);
  });
});
