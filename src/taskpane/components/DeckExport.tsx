/**
 * Export slide deck (UX.md screens 5-6): the deck is made here in the pane
 * from the build's summary (the pptx renderer is loaded on first use, in
 * its own chunk), then handed to the web view's download by the route this
 * host allows (deckDelivery.ts). Where the host allows none (Excel on Mac,
 * iPad), the pane says so before any button is pressed and gives the
 * command line that makes the same deck.
 */
import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { formatIsoDay } from '../../domain/dates';
import type { Locale } from '../../i18n/locale';
import type { DeckInput } from '../../renderers/pptx/context';
import { browserEnvironment, deliveryRoute, PPTX_MIME, saveFile, type HostPlatform, type SaveEnvironment } from '../deckDelivery';
import { useText } from '../i18n';
import { useScreenStyles } from './layout';

export type DeckWriter = (input: DeckInput) => Promise<Uint8Array>;

/** The real renderer, loaded only when a deck is made (PptxGenJS is ~370 kB). */
const loadAndWrite: DeckWriter = async (input) => {
  const { writeDeck } = await import('../../renderers/pptx/writeDeck');
  return writeDeck(input);
};

export interface DeckExportProps {
  /** Everything the deck needs but its language. */
  readonly source: Omit<DeckInput, 'locale'>;
  readonly platform: HostPlatform;
  readonly writeDeck?: DeckWriter;
  readonly environment?: SaveEnvironment;
}

type Status = { readonly kind: 'idle' } | { readonly kind: 'writing' } | { readonly kind: 'saved'; readonly file: string } | { readonly kind: 'failed'; readonly detail: string };

export function deckFileName(asOf: DeckInput['asOf'], locale: Locale): string {
  return `tierwise-deck-${formatIsoDay(asOf)}-${locale}.pptx`;
}

export function DeckExport(props: DeckExportProps): JSX.Element {
  const styles = useScreenStyles();
  const text = useText();
  const [deckLocale, setDeckLocale] = useState<Locale>(text.locale);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const environment = useMemo(() => props.environment ?? browserEnvironment(), [props.environment]);
  const route = useMemo(() => deliveryRoute(props.platform, environment), [props.platform, environment]);
  const fileName = deckFileName(props.source.asOf, deckLocale);
  const command = `tierwise grade ${text.t('deckCommandInput')} --deck ${fileName} --lang ${deckLocale}`;

  const onExport = async (): Promise<void> => {
    setStatus({ kind: 'writing' });
    try {
      const bytes = await (props.writeDeck ?? loadAndWrite)({ ...props.source, locale: deckLocale });
      const started = saveFile(bytes, fileName, PPTX_MIME, route, environment);
      setStatus(started ? { kind: 'saved', file: fileName } : { kind: 'failed', detail: text.t('deckBlocked', { command }) });
    } catch (thrown) {
      setStatus({ kind: 'failed', detail: thrown instanceof Error ? thrown.message : String(thrown) });
    }
  };

  return (
    <section className={styles.section} aria-labelledby="deck-heading" data-testid="deck-export">
      <h2 id="deck-heading" className={styles.subheading}>
        {text.t('deckHeading')}
      </h2>
      <Text size={200}>{text.t('deckIntro')}</Text>
      {props.platform === 'preview' ? (
        <MessageBar intent="info" layout="multiline" data-testid="deck-preview-note">
          <MessageBarBody>{text.t('deckPreviewNote')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {route === 'none' ? (
        <MessageBar intent="warning" layout="multiline" data-testid="deck-blocked">
          <MessageBarBody>{text.t('deckBlocked', { command })}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Field label={text.t('deckLanguage')}>
            <RadioGroup layout="horizontal" value={deckLocale} onChange={(_event, data) => setDeckLocale(data.value === 'zh-CN' ? 'zh-CN' : 'en')}>
              <Radio value="en" label={text.t('deckLanguageEnglish')} />
              <Radio value="zh-CN" label={text.t('deckLanguageChinese')} />
            </RadioGroup>
          </Field>
          <div className={styles.actions}>
            <Button onClick={() => void onExport()} disabled={status.kind === 'writing'} data-testid="deck-export-button">
              {text.t('deckExport')}
            </Button>
            {status.kind === 'writing' ? <Spinner size="tiny" label={text.t('deckWriting')} /> : null}
          </div>
        </>
      )}
      {status.kind === 'saved' ? (
        <MessageBar intent="success" layout="multiline" data-testid="deck-saved">
          <MessageBarBody>
            {text.t('deckSaved', { file: status.file })} {text.t('deckIfNothing', { command })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {status.kind === 'failed' ? (
        <MessageBar intent="error" layout="multiline" data-testid="deck-failed">
          <MessageBarBody>{text.t('deckFailed', { detail: status.detail })}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
