import type { PDFFont } from 'pdf-lib';
import type { SessionReportPdfInput } from '../session-report-pdf';
import type { Translate } from '../../../i18n/translate';
import type { Formats } from './pdf-formats';
import type { Layout } from './pdf-layout';
import type { FontStyle } from './pdf-style';

/** What every section of the session report draws with: the input, the page cursor, texts and formats. */
export interface ReportContext {
  readonly input: SessionReportPdfInput;
  readonly layout: Layout;
  readonly fonts: Readonly<Record<FontStyle, PDFFont>>;
  readonly t: Translate;
  readonly format: Formats;
  readonly generatedMs: number;
  readonly reviewerName: (index: number) => string;
  /** Calls in the report: the session's, or more when the report has totals for more. */
  readonly callCount: number;
  readonly callTitle: (index: number) => string;
  /** "3.1 Lets the customer finish" in the report's language. */
  readonly itemLabel: (itemId: string) => string;
  /** The reference deviations are measured against (benchmark or group), as text. */
  readonly referenceText: string;
}
