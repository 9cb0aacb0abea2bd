import { rgb, type RGB } from 'pdf-lib';
import type { ReliabilityBand } from '../../../domain/agreement/reliability-band';

// Page geometry, fonts and colours shared by the PDF report's layout, tables and charts.

export const pageWidth = 595.28;
export const pageHeight = 841.89;
export const margin = { left: 48, right: 48, top: 58, bottom: 56 } as const;
export const contentWidth = pageWidth - margin.left - margin.right;
export const contentRight = pageWidth - margin.right;
export const bodyTop = pageHeight - margin.top;

export const palette = {
  text: rgb(0.12, 0.14, 0.17),
  muted: rgb(0.4, 0.43, 0.48),
  rule: rgb(0.8, 0.82, 0.85),
  grid: rgb(0.88, 0.89, 0.91),
  headerFill: rgb(0.91, 0.93, 0.95),
  zebra: rgb(0.965, 0.97, 0.975),
  accent: rgb(0.13, 0.33, 0.55),
  lenient: rgb(0.16, 0.42, 0.7),
  lenientLight: rgb(0.63, 0.76, 0.89),
  strict: rgb(0.86, 0.43, 0.12),
  strictLight: rgb(0.96, 0.77, 0.6),
  tolerance: rgb(0.35, 0.35, 0.38),
  reliable: rgb(0.2, 0.56, 0.32),
  tentative: rgb(0.9, 0.63, 0.09),
  unreliable: rgb(0.78, 0.2, 0.16),
  ambiguousFill: rgb(0.99, 0.89, 0.87),
} as const;

export const bandColors: Readonly<Record<ReliabilityBand, RGB>> = {
  reliable: palette.reliable,
  tentative: palette.tentative,
  unreliable: palette.unreliable,
};

export type FontStyle = 'regular' | 'bold' | 'italic';

export interface TextStyle {
  readonly style?: FontStyle;
  readonly size?: number;
  readonly color?: RGB;
}

export const lineHeightFactor = 1.28;
/** From the top of a line to its baseline, as a share of the font size (Helvetica's ascender is 0.718). */
export const baselineFactor = 0.8;
