import type { DutyShift } from '@shared/schemas/duty';

/** A duty shift for tests. */

const at = '2025-08-01T00:00:00.000Z';

export const shift = (id: string, startsAt: string, endsAt: string, leader = '李带班'): DutyShift => ({
  id,
  startsAt,
  endsAt,
  leader: { userId: `u-${id}`, name: leader },
  officers: [{ userId: 'o1', name: '王值班' }],
  note: '',
  updatedAt: at,
});
