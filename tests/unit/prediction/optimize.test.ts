import { describe, expect, test } from '@jest/globals';
import { minimizeBfgs, type Objective } from '../../../src/domain/prediction/optimize';

const rosenbrock: Objective = (p, g) => {
  const x = p[0] as number;
  const y = p[1] as number;
  g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
  g[1] = 200 * (y - x * x);
  return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
};

describe('minimizeBfgs on known functions', () => {
  test('Rosenbrock from (-1.2, 1) reaches (1, 1)', () => {
    const result = minimizeBfgs(rosenbrock, Float64Array.of(-1.2, 1));
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBeCloseTo(1, 6);
    expect(result.point[1]).toBeCloseTo(1, 6);
    expect(result.value).toBeLessThan(1e-12);
  });
  test('an ill-conditioned quadratic: the minimiser of sum c_i (x_i - m_i)^2', () => {
    const c = [1, 1e3, 1e-2, 50];
    const m = [3, -2, 0.5, 10];
    const quadratic: Objective = (p, g) => {
      let f = 0;
      for (let i = 0; i < 4; i++) {
        const d = (p[i] as number) - (m[i] as number);
        f += (c[i] as number) * d * d;
        g[i] = 2 * (c[i] as number) * d;
      }
      return f;
    };
    const result = minimizeBfgs(quadratic, new Float64Array(4));
    expect(result.converged).toBe(true);
    m.forEach((mi, i) => expect(result.point[i]).toBeCloseTo(mi, 6));
  });
  test('a trial point where the objective overflows is a step too long, not a minimum', () => {
    // f = exp(x) - 2x, minimum at ln 2; from x = 0 a full Newton-like step can land where exp overflows.
    const f: Objective = (p, g) => {
      const x = p[0] as number;
      g[0] = Math.exp(x) - 2;
      return x > 700 ? Number.POSITIVE_INFINITY : Math.exp(x) - 2 * x;
    };
    const result = minimizeBfgs(f, Float64Array.of(-30));
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBeCloseTo(Math.log(2), 6);
  });
  test('an unbounded objective is reported as not converged', () => {
    const linear: Objective = (p, g) => {
      g[0] = -1;
      return -(p[0] as number);
    };
    const result = minimizeBfgs(linear, Float64Array.of(0), { maxIterations: 50 });
    expect(result.converged).toBe(false);
  });
  test('a non-finite start is refused', () => {
    const nan: Objective = () => Number.NaN;
    expect(() => minimizeBfgs(nan, Float64Array.of(0))).toThrow(RangeError);
  });
});
