import { logGamma } from './log-gamma';

const epsilon = 1e-15;
const tiny = 1e-300;
const maxIterations = 500;

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), by its continued fraction evaluated
 * with the modified Lentz method (Numerical Recipes 3rd ed., section 6.4, "betacf"), using the symmetry
 * I_x(a, b) = 1 - I_(1-x)(b, a) where the fraction converges faster. Clamps x to [0, 1]; a, b > 0.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return (front * continuedFraction(x, a, b)) / a;
  return 1 - (front * continuedFraction(1 - x, b, a)) / b;
}

function continuedFraction(x: number, a: number, b: number): number {
  const sum = a + b;
  const aPlus = a + 1;
  const aMinus = a - 1;
  let c = 1;
  let d = 1 - (sum * x) / aPlus;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let result = d;
  for (let m = 1; m <= maxIterations; m += 1) {
    const twoM = 2 * m;
    let term = (m * (b - m) * x) / ((aMinus + twoM) * (a + twoM));
    d = 1 + term * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + term / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    result *= d * c;
    term = (-(a + m) * (sum + m) * x) / ((a + twoM) * (aPlus + twoM));
    d = 1 + term * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + term / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    result *= step;
    if (Math.abs(step - 1) < epsilon) break;
  }
  return result;
}
