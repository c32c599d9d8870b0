/**
 * Rules (分级规则): as-of date, tier thresholds, lifecycle days and the
 * segment cut, with the contract's defaults and a live count of customers
 * per tier. Advanced settings folded. The primary button says it writes.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import type { DayNumber } from '../../domain/dates';
import type { GradingSettings } from '../../domain/settings';
import type { Localized } from '../../i18n/locale';
import type { GradeCounts } from '../../worker/protocol';
import { BarList } from '../components/BarList';
import { useScreenStyles } from '../components/layout';
import { useText, type PaneText } from '../i18n';
import type { AsOfMode, FieldProblem, RulesDraft } from '../rulesForm';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(9.5em, 1fr))', gap: '8px 12px', alignItems: 'end' },
  number: { width: '100%', minWidth: 0 },
});

export interface RulesScreenProps {
  readonly draft: RulesDraft;
  readonly settings: GradingSettings;
  readonly fieldProblems: Readonly<Record<string, FieldProblem>>;
  readonly settingsProblems: readonly Localized[];
  readonly preview: GradeCounts | null;
  readonly previewUpdating: boolean;
  /** The day after the latest purchase, for the "auto" label; null when unknown. */
  readonly autoAsOf: DayNumber | null;
  readonly isRebuild: boolean;
  /** Set when the rules were read from the workbook's Settings sheet: the cells that could not be read. */
  readonly fromSheet?: { readonly problems: readonly Localized[] } | null;
  readonly onChange: (draft: RulesDraft) => void;
  readonly onBuild: () => void;
  readonly onBack: () => void;
}

function problemText(text: PaneText, problem: FieldProblem | undefined): string | undefined {
  if (!problem) return undefined;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(problem.values)) values[name] = typeof value === 'number' ? text.number(value) : value;
  return text.t(problem.key, values);
}

function NumberField(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly problem: FieldProblem | undefined;
  readonly onChange: (value: string) => void;
}): JSX.Element {
  const styles = useStyles();
  const text = useText();
  const message = problemText(text, props.problem);
  return (
    <Field label={props.label} validationState={message ? 'error' : 'none'} validationMessage={message} data-field={props.id}>
      <Input
        className={styles.number}
        inputMode="numeric"
        value={props.value}
        onChange={(_event, data) => props.onChange(data.value)}
      />
    </Field>
  );
}

export function RulesScreen(props: RulesScreenProps): JSX.Element {
  const styles = useScreenStyles();
  const local = useStyles();
  const text = useText();
  const { draft, settings, fieldProblems } = props;
  const update = (patch: Partial<RulesDraft>): void => props.onChange({ ...draft, ...patch });
  const hasProblems = Object.keys(fieldProblems).length > 0 || props.settingsProblems.length > 0;
  const asOfMessage = problemText(text, fieldProblems.asOfDate);

  return (
    <form
      className={styles.screen}
      onSubmit={(event) => {
        event.preventDefault();
        if (!hasProblems) props.onBuild();
      }}
      data-testid="screen-rules"
    >
      <Text as="p" block>
        {text.t('rulesIntro')}
      </Text>
      {props.fromSheet ? (
        <MessageBar intent={props.fromSheet.problems.length > 0 ? 'warning' : 'info'} layout="multiline" data-testid="rules-from-sheet">
          <MessageBarBody>
            {text.t('rulesFromSheet')}
            {props.fromSheet.problems.length > 0 ? (
              <>
                {' — '}
                {text.t('rulesFromSheetProblems')}
                <ul className={styles.list}>
                  {props.fromSheet.problems.map((problem, i) => (
                    <li key={i}>{text.l(problem)}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <Field label={text.t('rulesAsOfLabel')}>
        <RadioGroup value={draft.asOfMode} onChange={(_event, data) => update({ asOfMode: data.value as AsOfMode })}>
          <Radio
            value="auto"
            label={props.autoAsOf !== null ? text.t('rulesAsOfAuto', { date: text.day(props.autoAsOf) }) : text.t('rulesAsOfAutoUnknown')}
          />
          <Radio value="today" label={text.t('rulesAsOfToday')} />
          <Radio value="fixed" label={text.t('rulesAsOfFixed')} />
        </RadioGroup>
      </Field>
      {draft.asOfMode === 'fixed' ? (
        <Field label={text.t('rulesAsOfDate')} validationState={asOfMessage ? 'error' : 'none'} validationMessage={asOfMessage} data-field="asOfDate">
          <Input type="date" value={draft.asOfDate} onChange={(_event, data) => update({ asOfDate: data.value })} />
        </Field>
      ) : null}

      <section className={styles.section} aria-labelledby="tiers-heading">
        <h2 id="tiers-heading" className={styles.subheading}>
          {text.t('rulesTiersHeading')}
        </h2>
        <div className={local.grid}>
          {settings.tiers.map((tier) => {
            const tierName = text.l(tier.label);
            if (tier.rule.kind === 'score') {
              const id = `minScore:${tier.key}`;
              return (
                <NumberField
                  key={id}
                  id={id}
                  label={text.t('rulesTierMinScore', { tier: tierName })}
                  value={draft.minScores[tier.key] ?? ''}
                  problem={fieldProblems[id]}
                  onChange={(value) => update({ minScores: { ...draft.minScores, [tier.key]: value } })}
                />
              );
            }
            if (tier.rule.kind === 'new') {
              const id = `newWithin:${tier.key}`;
              return (
                <NumberField
                  key={id}
                  id={id}
                  label={text.t('rulesTierNewWithin', { tier: tierName })}
                  value={draft.newWithinDays[tier.key] ?? ''}
                  problem={fieldProblems[id]}
                  onChange={(value) => update({ newWithinDays: { ...draft.newWithinDays, [tier.key]: value } })}
                />
              );
            }
            return null;
          })}
        </div>
      </section>

      <section className={styles.section} aria-labelledby="lifecycle-heading">
        <h2 id="lifecycle-heading" className={styles.subheading}>
          {text.t('rulesLifecycleHeading')}
        </h2>
        <div className={local.grid}>
          <NumberField
            id="atRisk"
            label={text.t('rulesAtRiskAfter')}
            value={draft.atRiskAfterDays}
            problem={fieldProblems.atRisk}
            onChange={(value) => update({ atRiskAfterDays: value })}
          />
          <NumberField
            id="churned"
            label={text.t('rulesChurnedAfter')}
            value={draft.churnedAfterDays}
            problem={fieldProblems.churned}
            onChange={(value) => update({ churnedAfterDays: value })}
          />
        </div>
      </section>

      <section className={styles.section} aria-labelledby="segments-heading">
        <h2 id="segments-heading" className={styles.subheading}>
          {text.t('rulesSegmentsHeading')}
        </h2>
        <div className={local.grid}>
          <NumberField
            id="highScoreCut"
            label={text.t('rulesSegmentCut')}
            value={draft.highScoreCut}
            problem={fieldProblems.highScoreCut}
            onChange={(value) => update({ highScoreCut: value })}
          />
        </div>
      </section>

      <Accordion collapsible>
        <AccordionItem value="advanced">
          <AccordionHeader size="small">{text.t('rulesAdvanced')}</AccordionHeader>
          <AccordionPanel>
            <div className={styles.section}>
              <Text size={200}>{text.t('rulesQuantiles')}</Text>
              <div className={local.grid}>
                {draft.quantiles.map((q, i) => (
                  <NumberField
                    key={`quantile:${i}`}
                    id={`quantile:${i}`}
                    label={text.t('rulesQuantileN', { n: i + 1 })}
                    value={q}
                    problem={fieldProblems[`quantile:${i}`]}
                    onChange={(value) => {
                      const next = [...draft.quantiles] as [string, string, string, string];
                      next[i] = value;
                      update({ quantiles: next });
                    }}
                  />
                ))}
              </div>
              <NumberField
                id="lifecycleNew"
                label={text.t('rulesLifecycleNewWithin')}
                value={draft.lifecycleNewWithinDays}
                problem={fieldProblems.lifecycleNew}
                onChange={(value) => update({ lifecycleNewWithinDays: value })}
              />
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      {props.settingsProblems.length > 0 ? (
        <MessageBar intent="error" layout="multiline" data-testid="settings-problems">
          <MessageBarBody>
            <ul className={styles.list}>
              {props.settingsProblems.map((problem, i) => (
                <li key={i}>{text.l(problem)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <section className={styles.card} aria-labelledby="preview-heading" aria-live="polite" data-testid="tier-preview">
        <h2 id="preview-heading" className={styles.subheading}>
          {text.t('rulesPreviewHeading')}
        </h2>
        {props.preview ? (
          <>
            <BarList rows={props.preview.tiers} testId="tier-preview-bars" />
            <Text size={200} className={styles.muted}>
              {text.t('rulesPreviewTotal', { count: text.number(props.preview.total) })}
            </Text>
          </>
        ) : null}
        {props.previewUpdating ? <Spinner size="extra-tiny" labelPosition="after" label={text.t('rulesPreviewUpdating')} /> : null}
      </section>

      {hasProblems ? <Text role="status">{text.t('rulesFixProblems')}</Text> : null}
      <div className={styles.primaryRow}>
        <Text size={200} className={styles.muted}>
          {text.t(props.isRebuild ? 'rulesRebuildNote' : 'rulesBuildNote')}
        </Text>
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={hasProblems}>
            {text.t('rulesBuild')}
          </Button>
          <Button onClick={props.onBack}>{text.t('back')}</Button>
        </div>
      </div>
    </form>
  );
}
