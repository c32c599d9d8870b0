/**
 * An error as the user sees it: what happened and what to do, with the
 * technical detail folded behind "Details".
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { PaneError } from '../errors';
import { useText } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: '12px' },
  details: {
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    maxHeight: '12em',
    overflowY: 'auto',
    margin: 0,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
});

export interface ErrorPanelProps {
  readonly error: PaneError;
  readonly onRetry?: () => void;
  readonly onStartOver?: () => void;
}

export function ErrorPanel({ error, onRetry, onStartOver }: ErrorPanelProps): JSX.Element {
  const styles = useStyles();
  const text = useText();
  return (
    <div className={styles.root} role="alert" data-testid="error-panel">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{text.l(error.what)}</MessageBarTitle> {text.l(error.todo)}
          {error.note ? <div>{text.l(error.note)}</div> : null}
        </MessageBarBody>
      </MessageBar>
      <Accordion collapsible>
        <AccordionItem value="details">
          <AccordionHeader size="small">{text.t('errorDetails')}</AccordionHeader>
          <AccordionPanel>
            <pre className={styles.details}>{error.details}</pre>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <div className={styles.actions}>
        {onRetry ? (
          <Button appearance="primary" onClick={onRetry}>
            {text.t('errorTryAgain')}
          </Button>
        ) : null}
        {onStartOver ? <Button onClick={onStartOver}>{text.t('errorStartOver')}</Button> : null}
      </div>
    </div>
  );
}
