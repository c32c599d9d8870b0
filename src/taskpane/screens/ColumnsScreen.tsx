/**
 * Columns (字段映射): each needed field with the detected column, a
 * confidence mark and a dropdown to change it; columns kept as they are;
 * the data's problems grouped by kind; the day/month choice when dates are
 * ambiguous. Nothing is written here.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { fieldLabel, requiredFields, type ImportAnalysis, type ImportOptions } from '../../domain/import';
import { fieldUsedBy } from '../../domain/import/fields';
import type { FieldKey, InputKind } from '../../domain/types';
import { ISSUE_GROUP_LABELS, type StringKey } from '../../i18n/strings';
import type { ImportSummary, IssueGroup } from '../../worker/protocol';
import { useScreenStyles } from '../components/layout';
import { useText } from '../i18n';
import { columnLetter } from '../../plan/a1';

const useStyles = makeStyles({
  fieldRow: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', columnGap: '8px', alignItems: 'end' },
  dropdown: { minWidth: '0', width: '100%' },
  badge: { marginBottom: '6px', maxWidth: '9em', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  issue: { display: 'flex', flexDirection: 'column', rowGap: '2px' },
  issueTitle: { fontWeight: tokens.fontWeightSemibold },
  example: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export type DayMonthOrder = 'dmy' | 'mdy';

export interface ColumnsScreenProps {
  readonly analysis: ImportAnalysis;
  readonly summary: ImportSummary;
  readonly options: ImportOptions;
  /** 1-based sheet row of the grid's first row (issue rows are relative to the grid). */
  readonly firstRow: number;
  readonly updating: boolean;
  readonly onChangeKind: (kind: InputKind) => void;
  readonly onChangeMapping: (field: FieldKey, header: string) => void;
  readonly onChangeDayMonthOrder: (order: DayMonthOrder) => void;
  readonly onNext: () => void;
  readonly onBack: () => void;
  /** Two sources (issue 11): the archive's mapping, shown after the orders'; and whether it still lacks a needed column. */
  readonly archiveSection?: JSX.Element | null;
  readonly archiveIncomplete?: boolean;
}

/** Optional fields shown for a kind, in display order (required ones are listed first). */
export function optionalFields(kind: InputKind): FieldKey[] {
  const required = new Set(requiredFields(kind));
  const order: FieldKey[] =
    kind === 'customers'
      ? ['firstPurchase', 'name', 'customerType', 'owner', 'phone', 'email', 'region', 'idNumber', 'address', 'lastContact', 'satisfaction', 'consent', 'tierOverride', 'notes']
      : ['orderId', 'quantity', 'unitPrice', 'name', 'customerType', 'owner', 'phone', 'email', 'region', 'idNumber', 'address', 'notes'];
  return order.filter((field) => !required.has(field) && fieldUsedBy(field, kind));
}

const CONFIDENCE_TEXT: Readonly<Record<string, StringKey>> = {
  user: 'confidenceManual',
  exact: 'confidenceHigh',
  synonym: 'confidenceMedium',
  fuzzy: 'confidenceLow',
};
const CONFIDENCE_COLOR: Readonly<Record<string, 'success' | 'informative' | 'warning' | 'brand'>> = {
  user: 'brand',
  exact: 'success',
  synonym: 'informative',
  fuzzy: 'warning',
};

const NOT_USED = '';

export function FieldMapping(props: {
  readonly field: FieldKey;
  readonly analysis: ImportAnalysis;
  readonly disabled: boolean;
  readonly onChange: (field: FieldKey, header: string) => void;
}): JSX.Element {
  const styles = useStyles();
  const text = useText();
  const { field, analysis } = props;
  const mapping = analysis.mapping.find((m) => m.field === field);
  const label = text.l(fieldLabel(field));
  const notUsed = text.t('columnsNotUsed');
  const optionText = (index: number, header: string): string => `${columnLetter(index)} · ${header}`;
  const selectedText = mapping ? optionText(mapping.sourceIndex, mapping.header) : notUsed;
  const confidenceKey = mapping ? CONFIDENCE_TEXT[mapping.confidence] : undefined;
  return (
    <div className={styles.fieldRow} data-field={field}>
      <Field label={label}>
        <Dropdown
          className={styles.dropdown}
          aria-label={text.t('columnsFieldFor', { field: label })}
          value={selectedText}
          selectedOptions={[mapping ? mapping.header : NOT_USED]}
          disabled={props.disabled}
          onOptionSelect={(_event, data) => props.onChange(field, data.optionValue ?? NOT_USED)}
        >
          <Option value={NOT_USED}>{notUsed}</Option>
          {analysis.headers.map((header, index) => (
            <Option key={`${index}:${header}`} value={header} text={optionText(index, header)}>
              {optionText(index, header)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {mapping && confidenceKey ? (
        <Badge
          className={styles.badge}
          appearance="tint"
          color={CONFIDENCE_COLOR[mapping.confidence] ?? 'informative'}
          data-confidence={mapping.confidence}
        >
          {text.t(confidenceKey)}
        </Badge>
      ) : null}
    </div>
  );
}

export function IssueList({ groups, firstRow }: { readonly groups: readonly IssueGroup[]; readonly firstRow: number }): JSX.Element {
  const styles = useStyles();
  const screen = useScreenStyles();
  const text = useText();
  if (groups.length === 0) return <Text>{text.t('columnsIssuesNone')}</Text>;
  return (
    <ul className={screen.list} data-testid="issue-groups">
      {groups.map((group) => {
        const rows = group.firstRows.map((row) => text.number(row + firstRow - 1)).join(text.locale === 'zh-CN' ? '、' : ', ');
        const more = group.count - group.firstRows.length;
        return (
          <li key={group.code} className={styles.issue} data-code={group.code} data-count={group.count}>
            <span className={styles.issueTitle}>
              {text.l(ISSUE_GROUP_LABELS[group.code])} ({text.number(group.count)})
            </span>
            {rows !== '' ? (
              <span className={styles.example}>
                {text.t('columnsIssueRows', { rows })}
                {more > 0 ? ` ${text.t('columnsIssueMore', { count: text.number(more) })}` : ''}
              </span>
            ) : null}
            <span className={styles.example}>{text.l(group.example)}</span>
          </li>
        );
      })}
    </ul>
  );
}

export function ColumnsScreen(props: ColumnsScreenProps): JSX.Element {
  const styles = useScreenStyles();
  const text = useText();
  const { analysis, summary } = props;
  const kind = analysis.kind;
  const required = requiredFields(kind);
  const optional = optionalFields(kind);
  const mapped = new Set(analysis.mapping.map((m) => m.field));
  const optionalMapped = optional.filter((f) => mapped.has(f));
  const optionalUnmapped = optional.filter((f) => !mapped.has(f));
  const missing = analysis.missingRequired;
  const canContinue = missing.length === 0 && !props.updating && props.archiveIncomplete !== true;
  const listSeparator = text.locale === 'zh-CN' ? '、' : ', ';

  return (
    <form
      className={styles.screen}
      onSubmit={(event) => {
        event.preventDefault();
        if (canContinue) props.onNext();
      }}
      data-testid="screen-columns"
    >
      <Text as="p" block>
        {text.t('columnsIntro')}
      </Text>

      <Field label={text.t('columnsKindLabel')}>
        <RadioGroup value={kind} onChange={(_event, data) => props.onChangeKind(data.value as InputKind)} disabled={props.updating}>
          <Radio value="customers" label={text.t('kindCustomers')} />
          <Radio value="transactions" label={text.t('kindTransactions')} />
        </RadioGroup>
      </Field>

      {props.updating ? <Spinner size="tiny" labelPosition="after" label={text.t('columnsUpdating')} /> : null}

      <section className={styles.section} aria-labelledby="required-heading">
        <h2 id="required-heading" className={styles.subheading}>
          {text.t('columnsRequired')}
        </h2>
        {required.map((field) => (
          <FieldMapping key={field} field={field} analysis={analysis} disabled={props.updating} onChange={props.onChangeMapping} />
        ))}
        {kind === 'transactions' ? <Text size={200} className={styles.muted}>{text.t('columnsAmountOrQtyPrice')}</Text> : null}
        {missing.length > 0 ? (
          <MessageBar intent="warning" data-testid="missing-fields">
            <MessageBarBody>{text.t('columnsMissing', { fields: missing.map((f) => text.l(fieldLabel(f))).join(listSeparator) })}</MessageBarBody>
          </MessageBar>
        ) : null}
      </section>

      {analysis.ambiguousDateCount > 0 ? (
        <Field label={text.t('columnsDateOrderQuestion', { count: text.number(analysis.ambiguousDateCount) })}>
          <RadioGroup
            value={props.options.dayMonthOrder ?? ''}
            onChange={(_event, data) => props.onChangeDayMonthOrder(data.value as DayMonthOrder)}
            disabled={props.updating}
            data-testid="day-month-order"
          >
            <Radio value="dmy" label={text.t('dateOrderDmy')} />
            <Radio value="mdy" label={text.t('dateOrderMdy')} />
          </RadioGroup>
        </Field>
      ) : null}

      <section className={styles.section} aria-labelledby="kept-heading">
        <h2 id="kept-heading" className={styles.subheading}>
          {text.t('columnsKeptHeading', { count: text.number(analysis.unmapped.length) })}
        </h2>
        {analysis.unmapped.length === 0 ? (
          <Text>{text.t('columnsKeptNone')}</Text>
        ) : (
          <Text data-testid="kept-columns">{analysis.unmapped.map((u) => u.header).join(listSeparator)}</Text>
        )}
      </section>

      <section className={styles.section} aria-labelledby="issues-heading">
        <h2 id="issues-heading" className={styles.subheading}>
          {text.t('columnsIssuesHeading')}
        </h2>
        <IssueList groups={summary.issueGroups} firstRow={props.firstRow} />
      </section>

      <Accordion collapsible>
        <AccordionItem value="optional">
          <AccordionHeader size="small" data-testid="optional-fields">
            {text.t('columnsOptionalSummary', { found: text.number(optionalMapped.length), total: text.number(optional.length) })}
          </AccordionHeader>
          <AccordionPanel>
            <div className={styles.section}>
              {[...optionalMapped, ...optionalUnmapped].map((field) => (
                <FieldMapping key={field} field={field} analysis={analysis} disabled={props.updating} onChange={props.onChangeMapping} />
              ))}
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      {props.archiveSection ?? null}

      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={!canContinue}>
          {text.t('next')}
        </Button>
        <Button onClick={props.onBack}>{text.t('back')}</Button>
      </div>
    </form>
  );
}
