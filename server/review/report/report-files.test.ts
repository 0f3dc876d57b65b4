import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/schemas/review';
import { ChromiumPdfPrinter } from './pdf-printer';
import { ReportFiles } from './report-files';
import { reportHtml } from './report-html';
import { durationStats } from './stats';

const stats = (count: number, medianSeconds: number | null, worstSeconds: number | null) => ({ count, medianSeconds, worstSeconds });
const none = stats(0, null, null);
const report: Report = {
  from: '2025-09-15T00:00:00.000Z',
  to: '2025-09-16T00:00:00.000Z',
  exercise: false,
  generatedAt: '2025-09-16T01:00:00.000Z',
  sections: {
    warnings: { issued: 0, rows: [] },
    reporting: { totals: { met: 1, late: 1, missed: 0, open: 0 }, rows: [{ incidentId: 'i-1', code: '20250915-001', title: '=HYPERLINK("x")', severity: 'major', met: 1, late: 1, missed: 0, open: 0, worstLateMinutes: 15 }] },
    dispatches: { assignments: 1, overall: { delivered: stats(1, 30, 30), accepted: none, arrived: none, completed: none }, teams: [{ teamId: 't-a', teamName: '甲队', assignments: 1, milestones: { delivered: stats(1, 30, 30), accepted: none, arrived: none, completed: none } }] },
    incidents: { total: 0, byType: [], byTownship: [], bySeverity: [] },
    shelters: { peakSheltered: 0, peakAt: null, peakEvacuated: 0, townships: [] },
    supplies: { runs: 0, onTime: 0, late: 0, overdue: 0, pending: 0, cancelled: 0, goalHours: 12, rows: [] },
    alarms: { raised: 0, unacknowledged: 0, ack: none, critical: 0, byKind: [] },
    timeline: { entries: [{ at: '2025-09-15T03:00:00.000Z', kind: 'response_raised', subject: { kind: 'response', id: 'r-1' }, params: { hazard: 'typhoon', level: 'II', reason: '10级风圈12小时内影响', by: '指挥长' } }], truncated: false },
    responses: {
      responses: [{ id: 'r-1', hazard: 'typhoon', highestLevel: 'II', startedAt: '2025-09-15T01:00:00.000Z', endedAt: null }],
      levels: [{ responseId: 'r-1', hazard: 'typhoon', kind: 'raised', level: 'II', at: '2025-09-15T03:00:00.000Z', by: '指挥长', reason: '10级风圈12小时内影响' }],
      owners: [{ responseId: 'r-1', hazard: 'typhoon', owner: '石浦镇', onTime: 1, late: 1, overdue: 1, open: 0, closed: 2 }],
      totals: { onTime: 1, late: 1, overdue: 1, open: 0, closed: 2 },
    },
  },
};

describe('report files', () => {
  const files = new ReportFiles(new ChromiumPdfPrinter('/nonexistent/chromium'));

  it('writes a table as CSV Excel opens in Chinese: BOM, Chinese headers, Beijing minutes, no formula', () => {
    const csv = files.csv(report, 'dispatches').toString('utf8');
    expect(csv.startsWith('\uFEFF队伍,任务数,送达中位(分钟)')).toBe(true);
    expect(csv).toContain('甲队,1,0.5,0.5');
    expect(csv).toContain('合计,1,0.5,0.5');
    expect(files.csv(report, 'reporting').toString('utf8')).toContain(`'=HYPERLINK`);
  });

  it('answers PDF_UNAVAILABLE when Chromium is not installed', async () => {
    await expect(files.pdf(report)).rejects.toMatchObject({ code: 'PDF_UNAVAILABLE' });
  });

  it('prints every table, escaped, and says when a section is empty', () => {
    const html = reportHtml(report, '');
    expect(html).toContain('<h2>信息报送（按时、迟报、漏报）</h2>');
    expect(html).toContain('=HYPERLINK(&quot;x&quot;)');
    expect(html).toContain('<p class="none">无</p>');
  });

  it('heads the printed page with the level banner and lists the levels and tasks per owner', () => {
    const html = reportHtml(report, '');
    expect(html).toMatch(/<p class="level" style="background:#ef6c00">防台风Ⅱ级应急响应/);
    expect(files.csv(report, 'responseLevels').toString('utf8')).toContain('2025/09/15 11:00,防台风,提升,Ⅱ级,指挥长,10级风圈12小时内影响');
    expect(files.csv(report, 'responseTasks').toString('utf8')).toContain('防台风,石浦镇,1,1,1,0,2');
  });

  it('names a level change in the significant-events timeline, in the CSV and on the printed page', () => {
    expect(files.csv(report, 'timeline').toString('utf8')).toContain('2025/09/15 11:00,提升响应级别,防台风Ⅱ级 10级风圈12小时内影响 指挥长');
    expect(reportHtml(report, '')).toContain('<td>提升响应级别</td><td>防台风Ⅱ级 10级风圈12小时内影响 指挥长</td>');
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(durationStats([40, 10, 30, 20])).toEqual({ count: 4, medianSeconds: 25, worstSeconds: 40 });
    expect(durationStats([])).toEqual({ count: 0, medianSeconds: null, worstSeconds: null });
  });
});
