/**
 * Copies for the sales reps (issue 7 §3, reached from the Protect screen):
 * every owner's copy as one zip, or one owner's copy, each holding only that
 * owner's customers with personal fields masked as the Settings sheet's
 * sales-rep role says. The copies are made in the grading worker from the
 * last build (src/worker/copies.ts); this screen only gets the owners'
 * names and counts, then the finished file, which it hands to the web
 * view's download (deckDelivery.ts). Where the host cannot download (Excel
 * on Mac, iPad) it says so and gives the command line instead.
 *
 * The optional password lives in this screen's state while typed, goes in
 * one request to the worker, and is cleared when the operation ends: never
 * stored, logged or shown.
 */
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_ROLE_PROFILES, type RoleProfile } from '../../domain/roles';
import type { StringKey } from '../../i18n/strings';
import { readRoleProfiles } from '../../renderers/excel/readSettings';
import type { RepCopyEntry } from '../../renderers/xlsx/repCopiesWeb';
import type { CopiesOutcome, CopiesRequest } from '../../worker/client';
import { LARGE_COPY_CUSTOMERS, type CopyStep } from '../../worker/protocol';
import { ErrorPanel } from '../components/ErrorPanel';
import { useScreenStyles } from '../components/layout';
import { browserEnvironment, deliveryRoute, saveFile, type HostPlatform, type SaveEnvironment } from '../deckDelivery';
import { describeError, type PaneError } from '../errors';
import { useText } from '../i18n';
import { passwordStrength, type PasswordStrength } from '../password';
import type { ExcelRun } from '../workbookGateway';

export const ZIP_MIME = 'application/zip';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The command that makes the same copies outside the pane. */
export const COPIES_COMMAND = 'tierwise grade <file> --split-by owner --out-dir DIR';

/** What the screen needs of the grading client. */
export interface CopiesClient {
  copyOwners(): Promise<readonly RepCopyEntry[] | null>;
  makeCopies(request: CopiesRequest, onStep: (step: CopyStep) => void, signal: AbortSignal): Promise<CopiesOutcome>;
}

export interface RepCopiesScreenProps {
  readonly client: CopiesClient;
  readonly run: ExcelRun;
  readonly platform: HostPlatform;
  readonly environment?: SaveEnvironment;
  readonly onBack: () => void;
}

const STRENGTH_TEXT: Readonly<Record<PasswordStrength, StringKey>> = {
  none: 'protectStrengthNone',
  weak: 'protectStrengthWeak',
  fair: 'protectStrengthFair',
  strong: 'protectStrengthStrong',
};

/** The dropdown's value of the copy without an owner (an owner is never this text: owners are trimmed non-empty text, this starts with a NUL). */
const NO_OWNER_VALUE = '\u0000no-owner';

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly step: CopyStep | null }
  | { readonly kind: 'saved'; readonly file: string; readonly copies: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'blocked' }
  | { readonly kind: 'failed'; readonly error: PaneError };

type Loaded = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly copies: readonly RepCopyEntry[]; readonly profile: RoleProfile } | { readonly kind: 'no-build' } | { readonly kind: 'failed'; readonly error: PaneError };

export function RepCopiesScreen(props: RepCopiesScreenProps): JSX.Element {
  const styles = useScreenStyles();
  const text = useText();
  const { client, run } = props;
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [password, setPassword] = useState('');
  const [chosen, setChosen] = useState<string>('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abortRef = useRef<AbortController | null>(null);
  const environment = useMemo(() => props.environment ?? browserEnvironment(), [props.environment]);
  const route = useMemo(() => deliveryRoute(props.platform, environment), [props.platform, environment]);

  useEffect(() => {
    let live = true;
    (async () => {
      const copies = await client.copyOwners();
      if (copies === null) return { kind: 'no-build' } as const;
      const roles = await run((context) => readRoleProfiles(context));
      const profile = roles.profiles.find((p) => p.key === 'salesRep') ?? DEFAULT_ROLE_PROFILES.find((p) => p.key === 'salesRep');
      if (profile === undefined) throw new Error('internal: no sales-rep role profile');
      return { kind: 'ready', copies, profile } as const;
    })().then(
      (next) => {
        if (!live) return;
        setLoaded(next);
        if (next.kind === 'ready') setChosen(valueOf(next.copies[0]?.owner ?? null));
      },
      (thrown: unknown) => live && setLoaded({ kind: 'failed', error: describeError(thrown) }),
    );
    return () => {
      live = false;
      abortRef.current?.abort();
    };
  }, [client, run]);

  const ownerLabel = (owner: string | null): string => owner ?? text.t('copiesNoOwner');

  const start = async (only: CopiesRequest['only']): Promise<void> => {
    if (loaded.kind !== 'ready') return;
    const controller = new AbortController();
    abortRef.current = controller;
    const given = password;
    // The password leaves the screen's state now: it goes with this one request only.
    setPassword('');
    setStatus({ kind: 'working', step: null });
    try {
      const outcome = await client.makeCopies(
        { profile: loaded.profile, ...(only !== undefined ? { only } : {}), ...(given !== '' ? { password: given } : {}) },
        (step) => setStatus({ kind: 'working', step }),
        controller.signal,
      );
      if (outcome.kind === 'cancelled') {
        setStatus({ kind: 'cancelled' });
        return;
      }
      const started = saveFile(outcome.bytes, outcome.fileName, outcome.fileKind === 'zip' ? ZIP_MIME : XLSX_MIME, route, environment);
      setStatus(started ? { kind: 'saved', file: outcome.fileName, copies: outcome.copies.length } : { kind: 'blocked' });
    } catch (thrown) {
      setStatus({ kind: 'failed', error: describeError(thrown) });
    } finally {
      abortRef.current = null;
    }
  };

  const stepText = (step: CopyStep | null): string => {
    if (step === null) return text.t('copiesStarting');
    if (step.phase === 'password') return text.t('copiesHashing');
    return text.t('copiesProgress', { current: step.index + 1, total: step.total, owner: ownerLabel(step.owner) });
  };

  const working = status.kind === 'working';
  const strength = passwordStrength(password);
  const large = loaded.kind === 'ready' ? loaded.copies.filter((c) => c.customers > LARGE_COPY_CUSTOMERS) : [];

  return (
    <div className={styles.screen} data-testid="screen-copies">
      <h2 className={styles.heading}>{text.t('copiesHeading')}</h2>
      <Text as="p" block>
        {text.t('copiesIntro')}
      </Text>
      <MessageBar intent="info" layout="multiline" data-testid="copies-note">
        <MessageBarBody>{text.t('copiesHonestNote')}</MessageBarBody>
      </MessageBar>

      {loaded.kind === 'loading' ? <Spinner size="tiny" labelPosition="after" label={text.t('copiesLoading')} /> : null}
      {loaded.kind === 'no-build' ? (
        <MessageBar intent="warning" layout="multiline" data-testid="copies-no-build">
          <MessageBarBody>{text.t('copiesNoBuild')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {loaded.kind === 'failed' ? <ErrorPanel error={loaded.error} /> : null}

      {loaded.kind === 'ready' && route === 'none' ? (
        <MessageBar intent="warning" layout="multiline" data-testid="copies-blocked">
          <MessageBarBody>
            {text.t('copiesCannotDownload')} <code>{COPIES_COMMAND}</code>
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {loaded.kind === 'ready' && route !== 'none' ? (
        <section className={styles.section} data-testid="copies-form">
          <Text size={200} data-testid="copies-role">
            {text.t('copiesRole', { role: text.l(loaded.profile.label), count: loaded.copies.length })}
          </Text>
          {large.length > 0 ? (
            <MessageBar intent="warning" layout="multiline" data-testid="copies-large">
              <MessageBarBody>
                {text.t('copiesLarge', { owners: large.map((c) => ownerLabel(c.owner)).join(', '), rows: LARGE_COPY_CUSTOMERS })} <code>{COPIES_COMMAND}</code>
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <Field label={text.t('copiesPasswordLabel')} hint={text.t('copiesPasswordHint')} validationMessage={text.t(STRENGTH_TEXT[strength])} validationState="none">
            <Input type="password" autoComplete="new-password" value={password} disabled={working} onChange={(_event, data) => setPassword(data.value)} data-testid="copies-password" />
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={working} onClick={() => void start(undefined)} data-testid="copies-all">
              {text.t('copiesAll')}
            </Button>
          </div>
          <Field label={text.t('copiesOwnerLabel')}>
            <Select value={chosen} disabled={working} onChange={(_event, data) => setChosen(data.value)} data-testid="copies-owner">
              {loaded.copies.map((c) => (
                <option key={valueOf(c.owner)} value={valueOf(c.owner)}>
                  {text.t('copiesOwnerOption', { owner: ownerLabel(c.owner), count: c.customers })}
                </option>
              ))}
            </Select>
          </Field>
          <div className={styles.actions}>
            <Button disabled={working} onClick={() => void start({ owner: chosen === NO_OWNER_VALUE ? null : chosen })} data-testid="copies-one">
              {text.t('copiesOne')}
            </Button>
          </div>
        </section>
      ) : null}

      {working ? (
        <div className={styles.actions} data-testid="copies-working">
          <Spinner size="tiny" labelPosition="after" label={<span data-testid="copies-progress">{stepText(status.step)}</span>} />
          <Button onClick={() => abortRef.current?.abort()} data-testid="copies-cancel">
            {text.t('copiesCancel')}
          </Button>
        </div>
      ) : null}
      {status.kind === 'saved' ? (
        <MessageBar intent="success" layout="multiline" data-testid="copies-saved">
          <MessageBarBody>{text.t('copiesSaved', { file: status.file, count: status.copies })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {status.kind === 'cancelled' ? (
        <MessageBar intent="info" layout="multiline" data-testid="copies-cancelled">
          <MessageBarBody>{text.t('copiesCancelled')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {status.kind === 'blocked' ? (
        <MessageBar intent="warning" layout="multiline" data-testid="copies-blocked">
          <MessageBarBody>
            {text.t('copiesCannotDownload')} <code>{COPIES_COMMAND}</code>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {status.kind === 'failed' ? <ErrorPanel error={status.error} /> : null}

      <div className={styles.actions}>
        <Button appearance="subtle" disabled={working} onClick={props.onBack}>
          {text.t('copiesBack')}
        </Button>
      </div>
    </div>
  );
}

function valueOf(owner: string | null): string {
  return owner ?? NO_OWNER_VALUE;
}
