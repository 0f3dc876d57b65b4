import type { Report } from '@shared/schemas/review';

const none = { count: 0, medianSeconds: null, worstSeconds: null };
const stats = (count: number, medianSeconds: number, worstSeconds: number) => ({ count, medianSeconds, worstSeconds });

/** A small report: one warning to two townships, one late report, two teams' dispatches. */
export const REPORT: Report = {
  from: '2025-09-15T00:00:00.000Z',
  to: '2025-09-16T00:00:00.000Z',
  exercise: false,
  generatedAt: '2025-09-16T01:00:00.000Z',
  sections: {
    warnings: {
      issued: 1,
      rows: [
        {
          id: 'W1',
          hazard: 'typhoon',
          colour: 'blue',
          headline: '台风蓝色预警',
          issuedAt: '2025-09-15T00:10:00.000Z',
          status: 'issued',
          townships: [
            { township: '石浦镇', recipients: 2, received: 2, done: 0, coveragePercent: 100, ack: stats(2, 600, 900) },
            { township: '鹤浦镇', recipients: 2, received: 0, done: 0, coveragePercent: 0, ack: none },
          ],
        },
      ],
    },
    reporting: { totals: { met: 1, late: 1, missed: 0, open: 0 }, rows: [{ incidentId: 'i-1', code: '20250915-001', title: '山体滑坡', severity: 'serious', met: 1, late: 1, missed: 0, open: 0, worstLateMinutes: 15 }] },
    dispatches: {
      assignments: 3,
      overall: { delivered: stats(3, 20, 40), accepted: stats(2, 90, 120), arrived: none, completed: none },
      teams: [{ teamId: 't-a', teamName: '甲队', assignments: 2, milestones: { delivered: stats(2, 15, 20), accepted: stats(2, 90, 120), arrived: none, completed: none } }],
    },
    incidents: { total: 1, byType: [{ key: 'landslide', count: 1 }], byTownship: [{ key: '', count: 1 }], bySeverity: [{ key: 'serious', count: 1 }] },
    shelters: { peakSheltered: 210, peakAt: '2025-09-15T06:00:00.000Z', peakEvacuated: 240, townships: [{ township: '石浦镇', peakSheltered: 120, peakEvacuated: 150 }] },
    supplies: { runs: 1, onTime: 0, late: 1, overdue: 0, pending: 0, cancelled: 0, goalHours: 12, rows: [{ id: 'r-1', destination: 'shelter:sh-1', requestedAt: '2025-09-15T02:00:00.000Z', goalAt: '2025-09-15T14:00:00.000Z', arrivedAt: '2025-09-15T16:00:00.000Z', outcome: 'late', hours: 14 }] },
    alarms: { raised: 1, unacknowledged: 0, ack: stats(1, 30, 30), critical: 1, byKind: [{ kind: 'sos', raised: 1, unacknowledged: 0, ack: stats(1, 30, 30) }] },
    timeline: { entries: [
        { at: '2025-09-15T00:10:00.000Z', kind: 'warning_issued', subject: { kind: 'warning', id: 'W1' }, params: { headline: '台风蓝色预警' } },
        { at: '2025-09-15T00:30:00.000Z', kind: 'response_started', subject: { kind: 'response', id: 'r-1' }, params: { hazard: 'typhoon', level: 'IV', reason: '7级风圈24小时内影响', by: '指挥长' } },
      ], truncated: false },
    responses: {
      responses: [{ id: 'r-1', hazard: 'typhoon', highestLevel: 'II', startedAt: '2025-09-15T00:30:00.000Z', endedAt: null }],
      levels: [{ responseId: 'r-1', hazard: 'typhoon', kind: 'started', level: 'IV', at: '2025-09-15T00:30:00.000Z', by: '指挥长', reason: '7级风圈24小时内影响' }],
      owners: [{ responseId: 'r-1', hazard: 'typhoon', owner: '石浦镇', onTime: 2, late: 1, overdue: 1, open: 0, closed: 0 }],
      totals: { onTime: 2, late: 1, overdue: 1, open: 0, closed: 0 },
    },
  },
};
