/**
 * Prediction through the real command line (bin/tierwise.cjs): the report's
 * GRADING.md §10 keys on the CDNOW order log, the holdout check, --no-predict,
 * and a data set too small to fit, whose grades equal those without prediction.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readDeck } from '../../support/pptxParts';

jest.setTimeout(180_000);

const BIN = path.resolve(__dirname, '../../../bin/tierwise.cjs');
const SAMPLE = path.resolve(__dirname, '../../fixtures/prediction/CDNOW_sample.txt');
let dir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}
function run(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH, LANG: 'C' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface ReportCustomer {
  id: string;
  tier: string;
  segment: string | null;
  lifecycle: string;
  pAlive?: number | null;
  expectedPurchases?: number | null;
  expectedValue?: number | null;
  clv?: number | null;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tierwise-predict-cli-'));
  // The CDNOW sample log as a user's CSV: customer, date, amount.
  const lines = readFileSync(SAMPLE, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [, id, date, , dollars] = l.trim().split(/\s+/) as [string, string, string, string, string];
      return `C${id},${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)},${dollars}`;
    });
  writeFileSync(path.join(dir, 'orders.csv'), ['Customer ID,Order Date,Amount', ...lines].join('\n'));
  writeFileSync(
    path.join(dir, 'few.csv'),
    ['Customer ID,First Purchase,Last Purchase,Orders,Total Spend', 'A1,2024-01-05,2024-05-01,4,400', 'A2,2024-02-01,2024-02-01,1,50', 'A3,2024-03-10,2024-06-01,2,90'].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tierwise grade with prediction', () => {
  it('reports pAlive, expectedPurchases, expectedValue, clv and the model; the holdout check with --calibration-end', async () => {
    const result = await run(['grade', 'orders.csv', '--report', 'r.json', '--out', 'o.xlsx', '--as-of', '1998-07-01', '--calibration-end', '1997-09-30', '--kind', 'transactions']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Prediction: BG\/NBD fitted on 2,349 customers \(1,139 repeat buyers\); Gamma-Gamma spend model fitted/);
    expect(result.stdout).toMatch(/Holdout check: 1,882 purchases happened, the model predicted/);
    const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect(Object.keys(report)).toContain('model');
    const customers = report.customers as ReportCustomer[];
    expect(Object.keys(customers[0] as object).slice(-4)).toEqual(['pAlive', 'expectedPurchases', 'expectedValue', 'clv']);
    // The 8 customers whose only orders are $0 are prospects: no purchase, no prediction.
    expect(customers.filter((c) => c.pAlive === null).map((c) => c.tier)).toEqual(Array(8).fill('prospect'));
    for (const c of customers.filter((c) => c.tier !== 'prospect')) {
      expect(c.pAlive as number).toBeGreaterThan(0);
      expect(c.pAlive as number).toBeLessThanOrEqual(1);
      expect(c.clv as number).toBeGreaterThan(0);
    }
    const model = report.model;
    expect(model.status).toBe('ok');
    expect([model.horizonDays, model.clvMonths, model.monthlyDiscount]).toEqual([365, 12, 0.01]);
    expect(Object.keys(model)).toEqual(['status', 'horizonDays', 'clvMonths', 'monthlyDiscount', 'bgnbd', 'gammaGamma', 'problems', 'holdout', 'byTier', 'bySegment', 'atRiskHighValue']);
    expect(model.atRiskHighValue).toHaveLength(20);
    expect(Object.keys(model.bgnbd)).toEqual(['r', 'alpha', 'a', 'b', 'logLikelihood', 'customersUsed', 'repeatBuyers']);
    expect(Object.keys(model.gammaGamma)).toEqual(['p', 'q', 'v', 'logLikelihood', 'customersUsed', 'frequencySpendCorrelation']);
    expect(model.bgnbd.customersUsed).toBe(2349);
    // The holdout check's calibration fit is FHL 2005's (alpha in days = 7 x weeks), to two figures.
    const holdout = model.holdout;
    expect(holdout.calibrationEnd).toBe('1997-09-30');
    expect(holdout.holdoutDays).toBe(274); // to the as-of date 1998-07-01, the end of observation
    expect(holdout.calibrationModel.r.toPrecision(2)).toBe('0.24');
    expect((holdout.calibrationModel.alpha / 7).toPrecision(2)).toBe('4.4');
    expect(holdout.buckets.map((b: { repeatPurchases: string }) => b.repeatPurchases)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
  });

  it('--deck: the prediction slide lists the report\'s call-first customers; --no-predict: no such slide', async () => {
    const on = await run(['grade', 'orders.csv', '--report', 'd.json', '--out', 'd.xlsx', '--deck', 'd.pptx', '--as-of', '1998-07-01']);
    const off = await run(['grade', 'orders.csv', '--out', 'dn.xlsx', '--deck', 'dn.pptx', '--as-of', '1998-07-01', '--no-predict']);
    expect([on.code, off.code]).toEqual([0, 0]);
    const deck = await readDeck(readFileSync(path.join(dir, 'd.pptx')));
    const slide = deck.slides.find((s) => s.text.startsWith('Predicted value and churn risk'));
    if (!slide) throw new Error('no prediction slide');
    const report = JSON.parse(readFileSync(path.join(dir, 'd.json'), 'utf8'));
    for (const c of (report.model.atRiskHighValue as { id: string }[]).slice(0, 10)) expect(slide.text).toContain(c.id);
    expect(slide.text).toMatch(/10 high-value customers \(CLV [\d,]+\) are likely lost: call them first\./);
    const without = await readDeck(readFileSync(path.join(dir, 'dn.pptx')));
    expect(without.slides).toHaveLength(deck.slides.length - 1);
    expect(without.slides.some((s) => s.text.includes('Predicted value and churn risk'))).toBe(false);
  });

  it('--no-predict gives the §8 report alone', async () => {
    const result = await run(['grade', 'orders.csv', '--report', 'n.json', '--out', 'n.xlsx', '--as-of', '1998-07-01', '--no-predict']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/Prediction/);
    const report = JSON.parse(readFileSync(path.join(dir, 'n.json'), 'utf8'));
    expect(Object.keys(report)).not.toContain('model');
    expect(Object.keys(report.customers[0])).toEqual(['id', 'recencyDays', 'frequency', 'monetary', 'r', 'f', 'm', 'segment', 'tier', 'lifecycle']);
  });

  it('too little data: a clear message, null predictions, and the same grades as without prediction', async () => {
    const on = await run(['grade', 'few.csv', '--report', 'on.json', '--out', 'on.xlsx', '--as-of', '2024-07-01']);
    const off = await run(['grade', 'few.csv', '--report', 'off.json', '--out', 'off.xlsx', '--as-of', '2024-07-01', '--no-predict']);
    expect([on.code, off.code]).toEqual([0, 0]);
    expect(on.stdout).toMatch(/No purchase prediction: only 3 customers .* Grades are not affected\./);
    const withPrediction = JSON.parse(readFileSync(path.join(dir, 'on.json'), 'utf8'));
    const without = JSON.parse(readFileSync(path.join(dir, 'off.json'), 'utf8'));
    expect(withPrediction.model.status).toBe('unavailable');
    expect(withPrediction.model.bgnbd).toBeNull();
    expect(withPrediction.model.problems[0].message.zh).toContain('分级结果不受影响');
    const strip = ({ pAlive: _p, expectedPurchases: _e, expectedValue: _v, clv: _c, ...grade }: ReportCustomer): Omit<ReportCustomer, 'pAlive'> => grade;
    expect((withPrediction.customers as ReportCustomer[]).map(strip)).toEqual(without.customers);
    expect((withPrediction.customers as ReportCustomer[]).every((c) => c.pAlive === null && c.clv === null)).toBe(true);
  });

  it('bad prediction options are usage errors in both languages', async () => {
    const en = await run(['grade', 'few.csv', '--horizon-days', '0']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/prediction horizon must be a whole number of days/);
    const bad = await run(['grade', 'few.csv', '--calibration-end', '30/09/1997']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--calibration-end must be a date/);
  });
});
