import { describe, expect, it } from 'vitest';
import { firstOwnerRef, ownerMissing, ownerOptions, type OwnerRegistry } from './ownerPicker';

const t = (key: string, params: Record<string, unknown> = {}) => `${key}${Object.keys(params).length ? JSON.stringify(params) : ''}`;
const registry: OwnerRegistry = {
  teams: [
    { id: 'team-zhou', name: '周边救援队' },
    { id: 'team-ai', name: '爱心救援队' },
  ],
  contacts: [
    { id: 'c-shipu', name: '王镇长', township: '石浦镇', duty: 'township_head', unit: '' },
    { id: 'c-water', name: '李联络', township: '丹东街道', duty: 'department_liaison', unit: '县水利局' },
  ],
};

describe('plan task owner picker', () => {
  it('offers each kind’s existing owners by their names in Chinese order, contacts with township, duty and unit', () => {
    expect(ownerOptions('role', 'duty_officer', registry, t).map((o) => [o.value, o.label])).toEqual([
      ['commander', 'response.plan.role.commander'],
      ['duty_officer', 'response.plan.role.duty_officer'],
    ]);
    expect(ownerOptions('team', 'team-ai', registry, t).map((o) => o.label)).toEqual(['爱心救援队', '周边救援队']);
    const townships = ownerOptions('township', '石浦镇', registry, t);
    expect(townships).toHaveLength(18);
    expect(townships.every((o) => o.value === o.label && !o.missing)).toBe(true);
    expect(ownerOptions('contact', 'c-water', registry, t).map((o) => [o.value, o.label])).toEqual([
      ['c-water', 'response.plan.contactOption{"township":"丹东街道","name":"李联络","duty":"warnings.contacts.dutyName.department_liaison · 县水利局"}'],
      ['c-shipu', 'response.plan.contactOption{"township":"石浦镇","name":"王镇长","duty":"warnings.contacts.dutyName.township_head"}'],
    ]);
  });

  it('keeps an owner that no longer exists, first and marked, instead of picking another', () => {
    const options = ownerOptions('team', 'team-gone', registry, t);
    expect(options[0]).toEqual({ value: 'team-gone', label: 'response.plan.ownerMissing{"ref":"team-gone"}', missing: true });
    expect(options.slice(1).map((o) => o.value)).toEqual(['team-ai', 'team-zhou']);
    expect(ownerMissing('team', 'team-gone', registry, t)).toBe(true);
    expect(ownerMissing('contact', 'c-shipu', registry, t)).toBe(false);
    expect(ownerMissing('township', '上海市', registry, t)).toBe(true);
  });

  it('gives a row changing kind the first existing owner of the new kind', () => {
    expect(firstOwnerRef('role', registry, t)).toBe('duty_officer');
    expect(firstOwnerRef('team', registry, t)).toBe('team-ai');
    expect(firstOwnerRef('contact', registry, t)).toBe('c-water');
    expect(firstOwnerRef('team', { teams: [], contacts: [] }, t)).toBe('');
  });
});
