/**
 * `tierwise grade <input> --split-by owner --out-dir DIR` (issue 7 §3): the
 * master grading, then one protected, masked copy per owner (and one for
 * customers without an owner), each written atomically as soon as it is
 * ready.
 */
import path from 'node:path';
import { pick, type Locale, type Localized } from '../i18n/locale';
import { DEFAULT_ROLE_PROFILES, type RoleProfile } from '../domain/roles';
import type { GradeGridOutput } from '../pipeline/gradeGrid';
import type { SplitOptions } from './args';
import { promptPassword, readPasswordFile, type Terminal } from './password';
import type * as RepCopiesModule from '../renderers/xlsx/repCopiesXlsx';

const T = {
  copies: { en: 'Copies for each sales rep (ID numbers and addresses masked, protected for the sales-rep role)', zh: '各销售代表的副本（证件号码和地址已脱敏，按“销售代表”角色保护）' },
  noOwner: { en: '(no owner)', zh: '（无负责人）' },
  customers: { en: 'customers', zh: '位客户' },
  withPassword: { en: 'Protected with the password given.', zh: '已用所给密码保护。' },
  withoutPassword: {
    en: 'Protected without a password (give --copies-password-file or --copies-password-prompt for one). Protection stops accidental edits; it is not security.',
    zh: '已保护但未设密码（可用 --copies-password-file 或 --copies-password-prompt 设置）。保护只防误改，不是安全措施。',
  },
} satisfies Record<string, Localized>;

export interface SplitIo {
  readonly stdout: NodeJS.WriteStream;
  readonly terminal: Terminal;
  /** Writes one file atomically (main.ts's writer, which names the file in its errors). */
  readonly writeOutput: (target: string, data: Uint8Array) => Promise<void>;
}

function loadCopiesWriter(): typeof RepCopiesModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy like main.ts's other writers: exceljs and JSZip load only when needed
  return require('../renderers/xlsx/repCopiesXlsx') as typeof RepCopiesModule;
}

/** Reads the password first (so a wrong prompt stops before any work), then writes every copy. */
export async function readCopiesPassword(split: SplitOptions, io: Pick<SplitIo, 'terminal'>, locale: Locale): Promise<string | undefined> {
  switch (split.password.from) {
    case 'none':
      return undefined;
    case 'file':
      return readPasswordFile(split.password.path);
    case 'prompt':
      return promptPassword(io.terminal, locale);
  }
}

export async function writeCopies(output: GradeGridOutput, split: SplitOptions, password: string | undefined, locale: Locale, io: SplitIo): Promise<string[]> {
  const profile = DEFAULT_ROLE_PROFILES.find((p) => p.key === 'salesRep') as RoleProfile;
  const { writeRepCopies } = loadCopiesWriter();
  const nf = new Intl.NumberFormat(locale);
  const lines: string[] = [pick(T.copies, locale)];
  const written: string[] = [];
  await writeRepCopies(
    { master: output.planInput, profile },
    {
      ...(password === undefined ? {} : { password }),
      onFile: async (file) => {
        const target = path.join(split.outDir, file.fileName);
        await io.writeOutput(target, file.bytes);
        written.push(target);
        lines.push(`  ${file.owner ?? pick(T.noOwner, locale)}: ${nf.format(file.customers)} ${pick(T.customers, locale)} -> ${path.resolve(target)}`);
      },
    },
  );
  lines.push(pick(password === undefined ? T.withoutPassword : T.withPassword, locale));
  io.stdout.write(`${lines.join('\n')}\n`);
  return written;
}
