import type { Report } from '../../../shared/schemas/review';
import { HAZARD_ZH, LEVEL_COLOUR, LEVEL_ZH } from '../../response/response-words';
import { beijingTime, minutes } from './labels-zh';
import { reportTables, type Cell } from './report-tables';

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
const cell = (c: Cell): string => escapeHtml(String(c));

/** The A4 page the server prints to PDF: the report's summary and every table, in Chinese. `fontCss` declares Noto Sans SC. */
export function reportHtml(report: Report, fontCss: string): string {
  const s = report.sections;
  const summary: Array<[string, string | number]> = [
    ['预案任务', `按时 ${s.responses.totals.onTime}，超时 ${s.responses.totals.late}，逾期未完成 ${s.responses.totals.overdue}`],
    ['预警发布', `${s.warnings.issued} 次`],
    ['信息报送', `按时 ${s.reporting.totals.met}，迟报 ${s.reporting.totals.late}，漏报 ${s.reporting.totals.missed}`],
    ['调度任务', `${s.dispatches.assignments} 项，送达中位 ${minutes(s.dispatches.overall.delivered.medianSeconds) || '—'} 分钟`],
    ['事件', `${s.incidents.total} 起`],
    ['安置峰值', `${s.shelters.peakSheltered} 人（转移 ${s.shelters.peakEvacuated} 人）`],
    ['物资调运', `${s.supplies.runs} 批，按时 ${s.supplies.onTime}，超时 ${s.supplies.late}，逾期未到 ${s.supplies.overdue}`],
    ['报警', `${s.alarms.raised} 次，未确认 ${s.alarms.unacknowledged}`],
  ];
  // The level banner: each response of the window at the highest level it reached, in that level's colour.
  const banners = s.responses.responses
    .map((r) => `<p class="level" style="background:${LEVEL_COLOUR[r.highestLevel]}">${escapeHtml(`${HAZARD_ZH[r.hazard]}${LEVEL_ZH[r.highestLevel]}级应急响应`)}<small>${escapeHtml(`${beijingTime(r.startedAt)} 启动${r.endedAt ? `，${beijingTime(r.endedAt)} 终止` : ''}`)}</small></p>`)
    .join('');
  const tables = reportTables(report)
    .map(
      (t) => `<section><h2>${escapeHtml(t.title)}</h2>${
        t.rows.length === 0
          ? '<p class="none">无</p>'
          : `<table><thead><tr>${t.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${t.rows.map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`
      }</section>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>复盘报告</title><style>${fontCss}
@page { size: A4; margin: 15mm 12mm; }
body { font-family: 'Noto Sans SC', sans-serif; font-size: 10pt; color: #111; margin: 0; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
h2 { font-size: 12pt; margin: 12pt 0 4pt; break-after: avoid; }
.drill { color: #b45309; font-weight: 700; }
dl { display: grid; grid-template-columns: 7em 1fr; gap: 2pt 8pt; margin: 8pt 0; }
dt { font-weight: 700; }
dd { margin: 0; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.none { color: #555; }
.level { color: #fff; font-weight: 700; font-size: 13pt; padding: 4pt 8pt; margin: 4pt 0; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.level small { font-size: 9pt; font-weight: 400; margin-left: 8pt; }
</style></head><body>
<h1>复盘报告${report.exercise ? '<span class="drill">（演练）</span>' : ''}</h1>
<p>时段：${beijingTime(report.from)} 至 ${beijingTime(report.to)}（北京时间）&emsp;生成：${beijingTime(report.generatedAt)}</p>
${banners}
<dl>${summary.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(String(v))}</dd>`).join('')}</dl>
${tables}
</body></html>`;
}
