/**
 * The special functions the prediction models need, from a well-kept
 * numerical library (stdlib: Lanczos/Stirling log-gamma, log-beta and
 * digamma with double-precision accuracy). One wrapper so the models name
 * what they compute and the library can be swapped in one place.
 */
import stdlibGammaln from '@stdlib/math-base-special-gammaln';
import stdlibBetaln from '@stdlib/math-base-special-betaln';
import stdlibDigamma from '@stdlib/math-base-special-digamma';

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  return stdlibGammaln(x);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b), for a, b > 0 (accurate when one argument is large). */
export function logBeta(a: number, b: number): number {
  return stdlibBetaln(a, b);
}

/** ψ(x) = d/dx ln Γ(x), for x > 0. */
export function digamma(x: number): number {
  return stdlibDigamma(x);
}
