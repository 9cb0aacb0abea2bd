import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import type { FontStyle } from './pdf-style';

/** The metadata a report PDF carries. */
export interface PdfDocumentFacts {
  readonly title: string;
  readonly subject: string;
  /** The product name, as creator and (with pdf-lib) as producer. */
  readonly product: string;
  readonly language: 'nl' | 'en';
  /** When the report was made; not a finite number: the epoch, so a bad clock cannot break the file. */
  readonly generatedAtMs: number;
}

/** An empty report PDF with its metadata set and the standard fonts embedded: what every report starts from. */
export async function createPdfDocument(
  facts: PdfDocumentFacts,
): Promise<{ doc: PDFDocument; fonts: Record<FontStyle, PDFFont>; generated: Date }> {
  // Object streams off and standard fonts: the text stays findable in the file (the tests read it back).
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: Record<FontStyle, PDFFont> = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };
  const generated = new Date(Number.isFinite(facts.generatedAtMs) ? facts.generatedAtMs : 0);
  doc.setTitle(facts.title);
  doc.setSubject(facts.subject);
  doc.setCreator(facts.product);
  doc.setProducer(`${facts.product} (pdf-lib)`);
  doc.setLanguage(facts.language === 'nl' ? 'nl-NL' : 'en-GB');
  doc.setCreationDate(generated);
  doc.setModificationDate(generated);
  return { doc, fonts, generated };
}
