/**
 * Column mapping: which source column feeds which field, with a confidence,
 * the input kind, and ambiguity issues. User choices always win.
 */
import type { FieldKey, InputKind, Issue } from '../types';
import { ImportError } from './errors';
import { fieldLabel, fieldUsedBy } from './fields';
import type { MappingConfidence } from './headers';
import { matchHeader, matchKindDependentHeader, normalizeHeader } from './headers';
import type { KindConfidence } from './kind';
import { detectKind } from './kind';
import { makeIssue } from './messages';

export interface ColumnMapping {
  readonly field: FieldKey;
  /** 0-based column index in the grid. */
  readonly sourceIndex: number;
  /** The header as shown to the user (and used as the Issue column). */
  readonly header: string;
  readonly confidence: MappingConfidence;
}

export interface MappingResult {
  readonly kind: InputKind;
  readonly kindDetected: InputKind | null;
  readonly kindConfidence: KindConfidence;
  readonly mapping: ColumnMapping[];
  readonly unmapped: { index: number; header: string }[];
  readonly issues: Issue[];
}

const CONFIDENCE_RANK: Readonly<Record<MappingConfidence, number>> = { user: 4, exact: 3, synonym: 2, fuzzy: 1 };

const DATE_HEADER_KEYS = new Set(['date', '日期', '时间']);

/** Finds the column a user named: the exact header first, then the same header after normalisation. */
function findUserColumn(headers: readonly string[], wanted: string): number {
  const exact = headers.indexOf(wanted);
  if (exact >= 0) return exact;
  const trimmed = headers.findIndex((h) => h.trim() === wanted.trim());
  if (trimmed >= 0) return trimmed;
  const key = normalizeHeader(wanted);
  return key === '' ? -1 : headers.findIndex((h) => normalizeHeader(h) === key);
}

/**
 * Maps headers to fields.
 * @param headers display headers, one per column (already unique)
 * @param forcedKind the user's choice of input kind, if any
 * @param userMapping field -> header text; an empty string means "leave this field unmapped"
 * @param headerRowNumber 1-based row of the headers, for issues
 * @throws ImportError 'mapping-header-not-found' when the user names a header the file does not have
 */
export function mapColumns(
  headers: readonly string[],
  forcedKind: InputKind | undefined,
  userMapping: Partial<Record<FieldKey, string>> | undefined,
  headerRowNumber: number,
): MappingResult {
  const issues: Issue[] = [];
  const userFields = new Map<FieldKey, number | null>();
  const userColumns = new Set<number>();
  for (const [field, wanted] of Object.entries(userMapping ?? {}) as [FieldKey, string | undefined][]) {
    if (wanted === undefined) continue;
    if (wanted.trim() === '') {
      userFields.set(field, null);
      continue;
    }
    const index = findUserColumn(headers, wanted);
    if (index < 0) {
      throw new ImportError('mapping-header-not-found', {
        en: `The mapping for '${fieldLabel(field).en}' names the column '${wanted}', which is not in the file. Columns found: ${headers.join(', ')}.`,
        zh: `字段「${fieldLabel(field).zh}」映射到的列「${wanted}」在文件中不存在。文件中的列：${headers.join('、')}。`,
      });
    }
    userFields.set(field, index);
    userColumns.add(index);
  }

  // Kind-independent matches, used to detect the kind.
  const specific: ({ field: FieldKey; confidence: MappingConfidence; generic?: boolean } | null)[] = headers.map((h, i) => (userColumns.has(i) ? null : matchHeader(h)));
  const evidence = new Set<FieldKey>();
  for (const m of specific) if (m) evidence.add(m.field);
  for (const [field, index] of userFields) if (index !== null) evidence.add(field);
  let kindDependent = 0;
  let genericDate = false;
  headers.forEach((h, i) => {
    if (specific[i] || userColumns.has(i)) return;
    if (matchKindDependentHeader(h, 'transactions') || matchKindDependentHeader(h, 'customers')) {
      kindDependent++;
      if (DATE_HEADER_KEYS.has(normalizeHeader(h))) genericDate = true;
    }
  });
  const detection = detectKind(evidence, kindDependent, genericDate);
  const kind: InputKind = forcedKind ?? detection.kind ?? (genericDate ? 'transactions' : 'customers');

  // Candidates per field.
  const candidates = new Map<FieldKey, { index: number; confidence: MappingConfidence; generic: boolean }[]>();
  headers.forEach((h, i) => {
    if (userColumns.has(i)) return;
    const m = specific[i] ?? matchKindDependentHeader(h, kind);
    if (!m || !fieldUsedBy(m.field, kind) || userFields.has(m.field)) return;
    const list = candidates.get(m.field) ?? [];
    list.push({ index: i, confidence: m.confidence, generic: 'generic' in m && m.generic === true });
    candidates.set(m.field, list);
  });

  const mapping: ColumnMapping[] = [];
  for (const [field, index] of userFields) {
    if (index !== null) mapping.push({ field, sourceIndex: index, header: headers[index] ?? '', confidence: 'user' });
  }
  for (const [field, list] of candidates) {
    // Best confidence first, then specific over kind-dependent headers, then the leftmost column.
    const sorted = [...list].sort(
      (a, b) => CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence] || Number(a.generic) - Number(b.generic) || a.index - b.index,
    );
    const best = sorted[0]!;
    mapping.push({ field, sourceIndex: best.index, header: headers[best.index] ?? '', confidence: best.confidence });
    if (sorted.length > 1) {
      const names = sorted.map((c) => `'${headers[c.index] ?? ''}'`).join(', ');
      const chosen = headers[best.index] ?? '';
      issues.push(
        makeIssue('ambiguous-mapping', 'warning', headerRowNumber, chosen, names, {
          text: {
            en: `${fieldLabel(field).en} (${names}; using '${chosen}')`,
            zh: `「${fieldLabel(field).zh}」（${names}；当前使用「${chosen}」）`,
          },
        }),
      );
    }
  }
  mapping.sort((a, b) => a.sourceIndex - b.sourceIndex);
  const mappedColumns = new Set(mapping.map((m) => m.sourceIndex));
  const unmapped = headers.flatMap((header, index) => (mappedColumns.has(index) ? [] : [{ index, header }]));
  return { kind, kindDetected: detection.kind, kindConfidence: detection.confidence, mapping, unmapped, issues };
}
