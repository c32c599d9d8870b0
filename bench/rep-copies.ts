/**
 * Issue 7 §4 figure: all per-rep copies for 100k customers across 50 owners
 * (masking, the copy plans, protection with a password, the files) against
 * writing the one master .xlsx of the same customers, in the same run.
 * Goal: <= 2x.
 */
import type { CustomerRecord } from '../src/domain/types';
import { gradeCustomers } from '../src/domain/grading';
import { DEFAULT_SETTINGS } from '../src/domain/settings';
import { DEFAULT_ROLE_PROFILES, type RoleProfile } from '../src/domain/roles';
import type { DayNumber } from '../src/domain/dates';
import { buildWorkbookPlan, type PlanInput } from '../src/plan/buildPlan';
import { writeWorkbookXlsx } from '../src/renderers/xlsx/writeXlsx';
import { writeRepCopies } from '../src/renderers/xlsx/repCopiesXlsx';
import { seededRandom, syntheticCustomers } from './synthetic';

export interface RepCopiesFigure {
  readonly figure: string;
  readonly measured: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly goal: string;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';

/** Synthetic customers with the personal fields the copies mask, spread over `owners` owners (~1% without one). */
function withProfiles(records: readonly CustomerRecord[], owners: number, seed: number): CustomerRecord[] {
  const random = seededRandom(seed);
  return records.map((r, i) => {
    const owner = random() < 0.01 ? null : `销售${String(Math.floor(random() * owners) + 1).padStart(2, '0')}`;
    const mobile = `13${String(100_000_000 + Math.floor(random() * 899_999_999))}`;
    return {
      ...r,
      profile: {
        name: `${SURNAMES[i % SURNAMES.length]}客户${i}`,
        owner,
        phone: mobile,
        email: `c${i}@example.com`,
        idNumber: `110105${1950 + (i % 50)}0${1 + (i % 9)}1${i % 10}${String(i % 1000).padStart(3, '0')}${i % 11 === 10 ? 'X' : i % 10}`,
        address: `广东省深圳市南山区科技园${i % 999}号`,
      },
    };
  });
}

export async function benchRepCopies(n: number, owners: number, today: DayNumber): Promise<RepCopiesFigure> {
  const records = withProfiles(syntheticCustomers(n, 5), owners, 11);
  const result = gradeCustomers(records, DEFAULT_SETTINGS, { today });
  const master: PlanInput = {
    result,
    settings: DEFAULT_SETTINGS,
    locale: 'zh-CN',
    profileFields: ['customerId', 'name', 'owner', 'phone', 'email', 'idNumber', 'address', 'firstPurchase', 'lastPurchase', 'orderCount', 'totalSpend'],
    carriedHeaders: [],
  };
  const plan = buildWorkbookPlan(master);
  const t0 = process.hrtime.bigint();
  const masterBytes = await writeWorkbookXlsx(plan);
  const masterMs = Number(process.hrtime.bigint() - t0) / 1e6;

  const profile = DEFAULT_ROLE_PROFILES.find((p) => p.key === 'salesRep') as RoleProfile;
  let files = 0;
  let bytes = 0;
  const t1 = process.hrtime.bigint();
  await writeRepCopies(
    { master, profile },
    {
      password: 'bench password',
      onFile: (file) => {
        files++;
        bytes += file.bytes.byteLength;
      },
    },
  );
  const copiesMs = Number(process.hrtime.bigint() - t1) / 1e6;
  const ms = (x: number): string => `${x.toFixed(0)} ms`;
  return {
    figure: `per-rep copies: ${n.toLocaleString('en')} customers, ${owners} owners (mask, plan, protect with a password, write)`,
    measured: `${ms(copiesMs)} for ${files} files (${(bytes / 1e6).toFixed(1)} MB)`,
    baseline: `writing the master .xlsx: ${ms(masterMs)} (${(masterBytes.byteLength / 1e6).toFixed(1)} MB)`,
    ratio: `${(copiesMs / masterMs).toFixed(2)}x`,
    goal: '<= 2x',
  };
}

// Run on its own (bin/run-ts.cjs sets argv[1] to this file): `node bin/run-ts.cjs bench/rep-copies.ts [--quick]`.
if (/rep-copies\.ts$/.test(process.argv[1] ?? '')) {
  const n = process.argv.includes('--quick') ? 20_000 : 100_000;
  benchRepCopies(n, 50, 20089 as DayNumber)
    .then((figure) => process.stdout.write(`${JSON.stringify(figure)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    });
}
