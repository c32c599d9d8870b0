/**
 * Building (生成中): a determinate progress bar with the step in words, and
 * Cancel. Cancel leaves a consistent workbook (the renderer stops between
 * blocks) and the next screen says what was written.
 */
import { Button, Field, ProgressBar, Text } from '@fluentui/react-components';
import { useScreenStyles } from '../components/layout';
import { useText } from '../i18n';

export interface BuildingScreenProps {
  /** The current step in words ("Writing rows 40,001-60,000 of 100,000"). */
  readonly stepText: string;
  /** 0..1, or null while the size of the step is unknown. */
  readonly fraction: number | null;
  readonly cancelling: boolean;
  readonly onCancel: () => void;
}

export function BuildingScreen(props: BuildingScreenProps): JSX.Element {
  const styles = useScreenStyles();
  const text = useText();
  return (
    <div className={styles.screen} data-testid="screen-building">
      <Field validationMessage={props.stepText} validationState="none" label={text.t('stepBuilding')}>
        <ProgressBar
          value={props.fraction ?? undefined}
          max={1}
          thickness="large"
          aria-valuetext={props.stepText}
          data-testid="build-progress"
          data-fraction={props.fraction ?? ''}
        />
      </Field>
      <Text size={200} className={styles.muted}>
        {text.t('buildingKeepOpen')}
      </Text>
      <div className={styles.actions}>
        <Button onClick={props.onCancel} disabled={props.cancelling}>
          {props.cancelling ? text.t('buildingCancelling') : text.t('buildingCancel')}
        </Button>
      </div>
    </div>
  );
}
