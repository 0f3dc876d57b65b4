import { describe, expect, it } from 'vitest';
import type { PlanTask } from '@shared/schemas/response-plan';
import { fromDraft, newDraft, toDraft } from './planDraft';

const TASKS: PlanTask[] = [
  { key: 'iv-duty', title: '领导带班', owner: { kind: 'role', role: 'commander' }, dueMinutes: 30, repeatMinutes: null, action: null, automatic: false },
  { key: 'iv-sea', title: '前置', owner: { kind: 'team', teamId: 'civil-sea' }, dueMinutes: 120, repeatMinutes: 360, action: { kind: 'open_shelters', townships: ['石浦镇'] }, automatic: true },
  { key: 'iv-shipu', title: '渔船回港', owner: { kind: 'township', township: '石浦镇' }, dueMinutes: 240, repeatMinutes: null, action: null, automatic: false },
];

describe('plan editor rows', () => {
  it('round-trips every owner kind and keeps the action, with a fresh unused key for a new row', () => {
    const rows = TASKS.map(toDraft);
    expect(fromDraft(rows)).toEqual(TASKS);
    rows[0]!.ownerKind = 'contact';
    rows[0]!.ownerRef = ' contact-demo-hepu ';
    expect(fromDraft(rows)[0]!.owner).toEqual({ kind: 'contact', contactId: 'contact-demo-hepu' });
    expect(newDraft([{ ...rows[0]!, key: 't2' }]).key).toBe('t3');
  });
});
