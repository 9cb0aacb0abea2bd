// Lanczos coefficients for g = 7, n = 9 (P. Godfrey's widely used set, e.g. Wikipedia "Lanczos approximation"): ~15 digits.
const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * ln Gamma(x) for x > 0 by the Lanczos approximation (relative error about 1e-15); below 0.5 through the reflection
 * formula Gamma(x) Gamma(1 - x) = pi / sin(pi x). Returns Infinity at 0 and NaN for non-finite input.
 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const shifted = x - 1;
  let series = lanczos[0]!;
  for (let index = 1; index < lanczos.length; index += 1) series += lanczos[index]! / (shifted + index);
  const base = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(base) - base + Math.log(series);
}
