/** Krippendorff's reading of alpha for decisions: reliable, tentative conclusions only, or not to be relied on. */
export type ReliabilityBand = 'reliable' | 'tentative' | 'unreliable';

/**
 * The band of a reliability coefficient (Krippendorff 2004, Content Analysis: An Introduction to Its Methodology, 2nd ed., p. 241): >= 0.800
 * reliable, >= 0.667 tentative, below that unreliable. null (an undefined coefficient) and NaN give null.
 */
export function reliabilityBand(value: number | null): ReliabilityBand | null {
  if (value === null || Number.isNaN(value)) return null;
  if (value >= 0.8) return 'reliable';
  if (value >= 0.667) return 'tentative';
  return 'unreliable';
}
