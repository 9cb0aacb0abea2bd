import type { TeamReportFileRequest } from '../../../services/ports';
import { coachingSheetPdf } from './coaching-sheet-pdf';
import { teamReportPdf } from './team-report-pdf';
import { teamReportXlsx } from './team-report-xlsx';

/** The team report file the request asks for. */
export function teamReportFile(request: TeamReportFileRequest): Promise<Uint8Array> {
  if (request.kind === 'xlsx') return teamReportXlsx(request);
  if (request.kind === 'pdf') return teamReportPdf(request);
  return coachingSheetPdf(request);
}
