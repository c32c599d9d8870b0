/** After Cancel: the workbook is consistent; says what was and was not written. */
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Localized } from '../../i18n/locale';
import { useScreenStyles } from '../components/layout';
import { useText } from '../i18n';

export interface CancelledView {
  readonly written: readonly Localized[];
  readonly notWritten: readonly Localized[];
}

export function CancelledScreen({ view, onBack }: { readonly view: CancelledView; readonly onBack: () => void }): JSX.Element {
  const styles = useScreenStyles();
  const text = useText();
  const separator = text.locale === 'zh-CN' ? '、' : ', ';
  const nothing = view.written.length === 0;
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
          <MessageBarTitle>{text.t('cancelledHeading')}</MessageBarTitle>{' '}
          {nothing
            ? text.t('cancelledNothingWritten')
            : text.t('cancelledPartial', {
                written: view.written.map((w) => text.l(w)).join(separator),
                notWritten: view.notWritten.map((w) => text.l(w)).join(separator),
              })}
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
