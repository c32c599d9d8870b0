/**
 * A range as a source (issue 11 §2): "Use the current selection" and a typed
 * address such as `Sheet2!A1:H500`, checked before the workbook is read
 * (sourceRange.ts) with a message saying what to do. Nothing is written here.
 */
import { Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import type { Localized } from '../../i18n/locale';
import { useScreenStyles } from '../components/layout';
import { useText } from '../i18n';
import { parseTypedSource, type SourceLocation } from '../sourceRange';

export function RangeSource(props: {
  /** Stable prefix of the test ids (`archive`, `orders`). */
  readonly id: string;
  readonly sheetNames: readonly string[];
  readonly disabled: boolean;
  /** Shown when given: reads the current selection. */
  readonly onUseSelection?: () => void;
  readonly onUseRange: (location: SourceLocation) => void;
}): JSX.Element {
  const styles = useScreenStyles();
  const text = useText();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<Localized | null>(null);
  const useTyped = (): void => {
    const result = parseTypedSource(typed, props.sheetNames);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    props.onUseRange(result.location);
  };
  return (
    <div data-testid={`${props.id}-range-source`}>
      {props.onUseSelection ? (
        <div className={styles.actions}>
          <Button onClick={props.onUseSelection} disabled={props.disabled} data-testid={`${props.id}-use-selection`}>
            {text.t('rangeUseSelection')}
          </Button>
        </div>
      ) : null}
      <Field
        label={text.t('rangeTypedLabel')}
        validationState={problem ? 'error' : 'none'}
        validationMessage={problem ? <span data-testid={`${props.id}-range-problem`}>{text.l(problem)}</span> : undefined}
      >
        <Input
          value={typed}
          disabled={props.disabled}
          data-testid={`${props.id}-range-input`}
          onChange={(_event, data) => setTyped(data.value)}
          onKeyDown={(event) => {
            // Enter uses the range; it must not submit the Start form (which would start the build).
            if (event.key === 'Enter') {
              event.preventDefault();
              useTyped();
            }
          }}
        />
      </Field>
      <div className={styles.actions}>
        <Button onClick={useTyped} disabled={props.disabled} data-testid={`${props.id}-range-use`}>
          {text.t('rangeTypedUse')}
        </Button>
      </div>
    </div>
  );
}
