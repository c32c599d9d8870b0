/** After Cancel: the workbook is consistent; says what was and was not written. */
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Localized } from '../../i18n/locale';
import { useScreenStyles } from '../components/layout';
import { useText } from '../i18n';

export interface CancelledView {
  /** What was and was not written; null when the build stopped before writing anything. */
  readonly description: Localized | null;
}

export function CancelledScreen({ view, onBack }: { readonly view: CancelledView; readonly onBack: () => void }): JSX.Element {
  const styles = useScreenStyles();
  const text = useText();
  return (
    <form
      className={styles.screen}
      onSubmit={(event) => {
        event.preventDefault();
        onBack();
      }}
      data-testid="screen-cancelled"
    >
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          {view.description === null ? (
            <>
              <MessageBarTitle>{text.t('cancelledHeading')}</MessageBarTitle> {text.t('cancelledNothingWritten')}
            </>
          ) : (
            // The renderer's account starts with "The build was cancelled." and says what was written.
            text.l(view.description)
          )}
        </MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit">
          {text.t('cancelledBackToRules')}
        </Button>
      </div>
    </form>
  );
}
