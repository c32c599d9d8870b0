/**
 * BFGS minimisation with a backtracking (Armijo) line search, for the
 * smooth, low-dimensional negative log-likelihoods of the prediction models
 * (3 or 4 parameters on a log scale, analytic gradients).
 *
 * - Inverse-Hessian update only when the curvature condition s.y > 0 holds
 *   (otherwise the approximation is reset to the identity), so it stays
 *   positive definite and every direction is a descent direction.
 * - A step never moves a coordinate by more than MAX_COORDINATE_STEP (on a
 *   log scale that is a factor e^5), and a trial point with a non-finite
 *   value is treated as too long a step: exp() of a wild log-parameter
 *   cannot overflow the objective into a false minimum.
 * - Converged when the gradient's largest component is below
 *   `gradientTolerance`, or when the objective stops decreasing (relative
 *   change below 1e-15 twice in a row: the floating-point floor).
 */

export interface Objective {
  /** Value and gradient at `point` (gradient written into `gradient`). */
  (point: Float64Array, gradient: Float64Array): number;
}

export interface MinimizeOptions {
  readonly gradientTolerance?: number;
  readonly maxIterations?: number;
}

export interface MinimizeResult {
  readonly point: Float64Array;
  readonly value: number;
  readonly gradient: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** Why it stopped: 'gradient' (small gradient), 'stalled' (no further decrease possible), 'iterations', 'line-search'. */
  readonly reason: 'gradient' | 'stalled' | 'iterations' | 'line-search';
}

const ARMIJO = 1e-4;
const MAX_COORDINATE_STEP = 5;
const MAX_HALVINGS = 60;

function dot(u: Float64Array, v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += (u[i] as number) * (v[i] as number);
  return s;
}

function maxAbs(u: Float64Array): number {
  let m = 0;
  for (let i = 0; i < u.length; i++) m = Math.max(m, Math.abs(u[i] as number));
  return m;
}

export function minimizeBfgs(objective: Objective, start: Float64Array, options: MinimizeOptions = {}): MinimizeResult {
  const n = start.length;
  const gradientTolerance = options.gradientTolerance ?? 1e-9;
  const maxIterations = options.maxIterations ?? 500;
  let point = Float64Array.from(start);
  let gradient = new Float64Array(n);
  let value = objective(point, gradient);
  if (!Number.isFinite(value)) throw new RangeError('the objective is not finite at the starting point');
  // Inverse Hessian approximation, row-major n x n.
  const h = new Float64Array(n * n);
  const resetH = (): void => {
    h.fill(0);
    for (let i = 0; i < n; i++) h[i * n + i] = 1;
  };
  resetH();
  const direction = new Float64Array(n);
  const trial = new Float64Array(n);
  let trialGradient = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const hy = new Float64Array(n);
  let stalls = 0;

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (maxAbs(gradient) < gradientTolerance) return { point, value, gradient, iterations: iteration, converged: true, reason: 'gradient' };
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let j = 0; j < n; j++) d -= (h[i * n + j] as number) * (gradient[j] as number);
      direction[i] = d;
    }
    let slope = dot(direction, gradient);
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      resetH();
      for (let i = 0; i < n; i++) direction[i] = -(gradient[i] as number);
      slope = dot(direction, gradient);
    }
    let step = Math.min(1, MAX_COORDINATE_STEP / Math.max(maxAbs(direction), 1e-300));
    let trialValue = Number.NaN;
    let accepted = false;
    for (let halving = 0; halving < MAX_HALVINGS; halving++) {
      for (let i = 0; i < n; i++) trial[i] = (point[i] as number) + step * (direction[i] as number);
      trialValue = objective(trial, trialGradient);
      if (Number.isFinite(trialValue) && trialValue <= value + ARMIJO * step * slope) {
        accepted = true;
        break;
      }
      step /= 2;
    }
    if (!accepted) {
      // No decrease along a descent direction: the floating-point floor (converged when the gradient is already tiny).
      const converged = maxAbs(gradient) < gradientTolerance * 1e3;
      return { point, value, gradient, iterations: iteration, converged, reason: 'line-search' };
    }
    for (let i = 0; i < n; i++) {
      s[i] = (trial[i] as number) - (point[i] as number);
      y[i] = (trialGradient[i] as number) - (gradient[i] as number);
    }
    const relativeChange = Math.abs(value - trialValue) / Math.max(1, Math.abs(value));
    point = Float64Array.from(trial);
    const previousGradient = gradient;
    gradient = trialGradient;
    trialGradient = previousGradient;
    value = trialValue;
    stalls = relativeChange < 1e-15 ? stalls + 1 : 0;
    if (stalls >= 2) return { point, value, gradient, iterations: iteration + 1, converged: maxAbs(gradient) < gradientTolerance * 1e3, reason: 'stalled' };

    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      // H+ = (I - rho s y') H (I - rho y s') + rho s s', rho = 1 / s'y.
      const rho = 1 / sy;
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += (h[i * n + j] as number) * (y[j] as number);
        hy[i] = v;
      }
      const yhy = dot(y, hy);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const si = s[i] as number;
          const sj = s[j] as number;
          h[i * n + j] = (h[i * n + j] as number) - rho * ((hy[i] as number) * sj + si * (hy[j] as number)) + (rho * rho * yhy + rho) * si * sj;
        }
      }
    } else {
      resetH();
    }
  }
  return { point, value, gradient, iterations: maxIterations, converged: maxAbs(gradient) < gradientTolerance, reason: 'iterations' };
}
