import type { Report, ReportTable } from '../../../shared/schemas/review';
import { writeCsv } from '../../supplies/csv/csv-codec';
import { reportHtml } from './report-html';
import { reportTable } from './report-tables';
import { fontCss, type PdfPrinter } from './pdf-printer';

/** The report as files: a table as CSV (UTF-8 with a BOM, formulas defused) and the whole report as an A4 PDF. */
export class ReportFiles {
  constructor(private readonly printer: PdfPrinter) {}

  csv(report: Report, key: ReportTable): Buffer {
    const table = reportTable(report, key);
    const columns = table.headers.map((header, i) => ({ key: String(i), header }));
    return writeCsv(columns, table.rows.map((row) => Object.fromEntries(row.map((c, i) => [String(i), c]))));
  }

  async pdf(report: Report): Promise<Uint8Array> {
    return this.printer.print(reportHtml(report, await fontCss()));
  }
}
