import { describe, expect, it } from 'vitest';
import type { DutyShift, Handover } from '@shared/schemas/duty';
import { fromBeijingInput, handoverDutyOf, mayAcknowledge, nextShiftSpan, toBeijingInput } from './dutyModel';

const H = 3_600_000;
const NOW = Date.parse('2025-09-15T03:00:00.000Z'); // 11:00 in Beijing
const iso = (hoursFromNow: number) => new Date(NOW + hoursFromNow * H).toISOString();
const shift = (id: string, from: number, to: number, leaderId: string): DutyShift => ({
  id,
  startsAt: iso(from),
  endsAt: iso(to),
  leader: { userId: leaderId, name: leaderId },
  officers: [],
  note: '',
  updatedAt: iso(-100),
});
const handover = (fromShiftId: string, toShiftId: string, acknowledgedAt: string | null = null): Handover => ({
  id: `h-${fromShiftId}`,
  fromShiftId,
  toShiftId,
  note: '交班',
  openIncidents: [],
  writtenBy: 'a',
  writtenAt: iso(0),
  acknowledgedBy: acknowledgedAt ? 'b' : null,
  acknowledgedAt,
});

describe('Beijing time in the roster form', () => {
  it('shows and reads shift times as Beijing wall-clock time', () => {
    expect(toBeijingInput('2025-09-15T00:00:00.000Z')).toBe('2025-09-15T08:00');
    expect(toBeijingInput('2025-09-15T17:30:00.000Z')).toBe('2025-09-16T01:30');
    expect(fromBeijingInput('2025-09-16T01:30')).toBe('2025-09-15T17:30:00.000Z');
    expect(fromBeijingInput('2025-09-16T')).toBeNull();
  });

  it('proposes the next shift right after the roster ends, or from the next full hour', () => {
    expect(nextShiftSpan([shift('s1', -1, 5, 'a')], NOW)).toEqual({ startsAt: iso(5), endsAt: iso(17) });
    expect(nextShiftSpan([shift('s1', -9, -1, 'a')], NOW + 20 * 60_000)).toEqual({ startsAt: iso(1), endsAt: iso(13) });
  });
});

describe('handover duties', () => {
  const day = shift('day', -3, 1, 'a');
  const night = shift('night', 1, 13, 'b');

  it('asks the leader on watch to write the handover to the next shift, and nobody else', () => {
    expect(handoverDutyOf([day, night], [], 'a', NOW)).toEqual({ kind: 'write', from: day, to: night });
    expect(handoverDutyOf([day, night], [], 'b', NOW)).toEqual({ kind: 'none' });
    expect(handoverDutyOf([day], [], 'a', NOW)).toEqual({ kind: 'no_next_shift', from: day });
  });

  it('still lets the outgoing leader write shortly after the shift ended, but not hours later', () => {
    expect(handoverDutyOf([day, night], [], 'a', NOW + 2 * H)).toMatchObject({ kind: 'write', from: day });
    expect(handoverDutyOf([day, night], [], 'a', NOW + 4 * H)).toEqual({ kind: 'none' });
  });

  it('shows a written handover instead of the form, and only the incoming leader acknowledges it', () => {
    const written = handover('day', 'night');
    expect(handoverDutyOf([day, night], [written], 'a', NOW)).toEqual({ kind: 'written', handover: written });
    const byId = { day, night };
    expect(mayAcknowledge(written, byId, 'b')).toBe(true);
    expect(mayAcknowledge(written, byId, 'a')).toBe(false);
    expect(mayAcknowledge(handover('day', 'night', iso(1)), byId, 'b')).toBe(false);
  });
});
