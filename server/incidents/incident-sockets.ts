import { rolesFor } from '../../shared/permissions';
import type { Logger } from '../logger';
import { onRequest } from '../realtime/request-handler';
import type { TidewatchSocket } from '../realtime/types';
import type { FieldReportService } from './field-report-service';

/** A field tablet files its situation reports (with a photo) over the socket, queued while offline. */
export function registerIncidentSocket(socket: TidewatchSocket, fieldReports: FieldReportService, logger: Logger): void {
  onRequest(socket, 'incident:field_report', rolesFor('fieldTablet'), (report, principal) => fieldReports.file(report, principal), logger);
}
