/**
 * Protect (保护, UX.md 7): pick a role profile and read in plain words what
 * it can edit, give a password (optional; a strength hint; or a generated
 * one shown once to copy), Apply; each managed sheet's status; Remove
 * protection (asks for the password); the honest note that protection is
 * not security, with per-rep copies for confidentiality; Excel's limits on
 * protected sheets in plain words.
 *
 * The password is held in this screen's state only while it is open and
 * passed to one renderer call; it is cleared after Apply or Remove and never
 * written anywhere (no storage, no log, no error text).
 */
import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Text } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DayNumber } from '../../domain/dates';
import type { RoleKey, RoleProfile } from '../../domain/roles';
import type { Localized } from '../../i18n/locale';
import type { StringKey } from '../../i18n/strings';
import { ProtectionError, applyProtection, readProtectionStatus, removeProtection, type ProtectionStatus } from '../../renderers/excel/protection';
import { readRoleProfiles, type WorkbookRoles } from '../../renderers/excel/readSettings';
import { ErrorPanel } from '../components/ErrorPanel';
import { useScreenStyles } from '../components/layout';
import { describeError, type PaneError } from '../errors';
import { useText } from '../i18n';
import { generatePassword, passwordStrength, type PasswordStrength } from '../password';
import type { ExcelRun } from '../workbookGateway';

export interface ProtectScreenProps {
  readonly run: ExcelRun;
  readonly onBack: () => void;
  /** Per-rep copies (the copies feature wires it); without it the screen points to the command line. */
  readonly onCopies?: () => void;
  /** Label of the copies button, when `onCopies` is given. */
  readonly copiesLabel?: StringKey;
}

interface ProtectView {
  readonly status: ProtectionStatus;
  readonly roles: WorkbookRoles;
}

const STRENGTH_TEXT: Readonly<Record<PasswordStrength, StringKey>> = {
  none: 'protectStrengthNone',
  weak: 'protectStrengthWeak',
  fair: 'protectStrengthFair',
  strong: 'protectStrengthStrong',
};

const MS_PER_DAY = 86_400_000;

type Problem = { readonly kind: 'protection'; readonly description: Localized } | { readonly kind: 'other'; readonly error: PaneError };

function problemOf(thrown: unknown): Problem {
  return thrown instanceof ProtectionError ? { kind: 'protection', description: thrown.description } : { kind: 'other', error: describeError(thrown) };
}

export function ProtectScreen(props: ProtectScreenProps): JSX.Element {
  const styles = useScreenStyles();
  const text = useText();
  const { run } = props;
  const [view, setView] = useState<ProtectView | null>(null);
  const [busy, setBusy] = useState(false);
  const [role, setRole] = useState<RoleKey>('manager');
  const [password, setPassword] = useState('');
  const [generated, setGenerated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const generatedRef = useRef<HTMLElement | null>(null);
  const [removePassword, setRemovePassword] = useState('');
  const [done, setDone] = useState<{ readonly kind: 'applied'; readonly role: Localized } | { readonly kind: 'removed' } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = useCallback(async () => {
    const loaded = await run(async (context) => ({ status: await readProtectionStatus(context), roles: await readRoleProfiles(context) }));
    setView(loaded);
    if (loaded.status.record) setRole(loaded.status.record.profile);
  }, [run]);

  useEffect(() => {
    load().catch((thrown: unknown) => setProblem(problemOf(thrown)));
  }, [load]);

  const profile: RoleProfile | undefined = view?.roles.profiles.find((p) => p.key === role);

  const onApply = async (): Promise<void> => {
    if (!profile) return;
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      await run((context) => applyProtection(context, profile, password === '' ? undefined : password));
      setPassword('');
      setGenerated(null);
      await load();
      setDone({ kind: 'applied', role: profile.label });
    } catch (thrown) {
      setProblem(problemOf(thrown));
    } finally {
      setBusy(false);
    }
  };

  const onRemove = async (): Promise<void> => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      await run((context) => removeProtection(context, removePassword === '' ? undefined : removePassword));
      setRemovePassword('');
      await load();
      setDone({ kind: 'removed' });
    } catch (thrown) {
      setProblem(problemOf(thrown));
    } finally {
      setBusy(false);
    }
  };

  const onGenerate = (): void => {
    const fresh = generatePassword();
    setPassword(fresh);
    setGenerated(fresh);
    setCopied(false);
  };

  const onCopy = (): void => {
    if (generated === null) return;
    const clipboard = globalThis.navigator?.clipboard;
    if (!clipboard) {
      // Some Office webviews expose no clipboard API: select the password so Ctrl+C / Cmd+C copies it.
      const node = generatedRef.current;
      const selection = globalThis.getSelection?.();
      if (node && selection) {
        const range = document.createRange();
        range.selectNodeContents(node);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      return;
    }
    clipboard.writeText(generated).then(
      () => setCopied(true),
      (thrown: unknown) => setProblem(problemOf(thrown)),
    );
  };

  const protectedNow = view?.status.anyProtected ?? false;
  const record = view?.status.record ?? null;
  const recordProfile = record ? view?.roles.profiles.find((p) => p.key === record.profile) : undefined;
  const strength = passwordStrength(password);

  return (
    <div className={styles.screen} data-testid="screen-protect">
      <Text as="p" block>
        {text.t('protectIntro')}
      </Text>
      <MessageBar intent="warning" layout="multiline" data-testid="protect-not-security">
        <MessageBarBody>
          {text.t('protectNotSecurity')} {text.t('protectConfidential')}
        </MessageBarBody>
      </MessageBar>
      {props.onCopies ? (
        <div className={styles.actions}>
          <Button onClick={props.onCopies}>{text.t(props.copiesLabel ?? 'protectOpen')}</Button>
        </div>
      ) : null}

      {done ? (
        <MessageBar intent="success" layout="multiline" data-testid="protect-done">
          <MessageBarBody>{done.kind === 'applied' ? text.t('protectApplied', { role: text.l(done.role) }) : text.t('protectRemoved')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {problem?.kind === 'protection' ? (
        <MessageBar intent="error" layout="multiline" data-testid="protect-problem">
          <MessageBarBody>{text.l(problem.description)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {problem?.kind === 'other' ? <ErrorPanel error={problem.error} onRetry={() => void load().catch((thrown: unknown) => setProblem(problemOf(thrown)))} /> : null}

      {view === null && problem === null ? <Spinner size="tiny" labelPosition="after" label={text.t('protectLoading')} /> : null}

      {view ? (
        <section className={styles.section} aria-labelledby="protect-status-heading" data-testid="protect-status">
          <h2 id="protect-status-heading" className={styles.subheading}>
            {text.t('protectStatusHeading')}
          </h2>
          <ul className={styles.list}>
            {view.status.sheets.map((sheet) => (
              <li key={sheet.name} data-sheet={sheet.name} data-protected={sheet.protected}>
                {sheet.name}: {text.t(sheet.protected ? 'protectStatusProtected' : 'protectStatusOpen')}
              </li>
            ))}
            <li data-sheet="(structure)" data-protected={view.status.structureProtected}>
              {text.t('protectStatusStructure')}: {text.t(view.status.structureProtected ? 'protectStatusProtected' : 'protectStatusOpen')}
            </li>
          </ul>
          {record && recordProfile ? (
            <Text size={200} data-testid="protect-record">
              {text.t('protectAppliedRecord', { role: text.l(recordProfile.label), date: text.day(Math.floor(Date.parse(record.appliedAt) / MS_PER_DAY) as DayNumber) })}
            </Text>
          ) : null}
          {view.roles.found && view.roles.problems.length > 0 ? (
            <MessageBar intent="warning" layout="multiline" data-testid="protect-roles-problems">
              <MessageBarBody>
                {text.t('protectRolesProblems')}
                <ul className={styles.list}>
                  {view.roles.problems.map((p, i) => (
                    <li key={i}>{text.l(p.message)}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </section>
      ) : null}

      {view && !protectedNow ? (
        <form
          className={styles.section}
          onSubmit={(event) => {
            event.preventDefault();
            void onApply();
          }}
          data-testid="protect-apply-form"
        >
          <Field label={text.t('protectProfileLabel')}>
            <RadioGroup value={role} onChange={(_event, data) => setRole(data.value as RoleKey)} data-testid="protect-roles">
              {view.roles.profiles.map((p) => (
                <Radio key={p.key} value={p.key} label={text.l(p.label)} data-role={p.key} />
              ))}
            </RadioGroup>
          </Field>
          {profile ? (
            <div className={styles.card} data-testid="protect-description">
              <Text>{text.l(profile.description)}</Text>
            </div>
          ) : null}
          <Field label={text.t('protectPasswordLabel')} hint={text.t('protectPasswordHint')} validationMessage={text.t(STRENGTH_TEXT[strength])} validationState="none">
            <Input
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(_event, data) => {
                setPassword(data.value);
                setGenerated(null);
              }}
              data-testid="protect-password"
            />
          </Field>
          <div className={styles.actions}>
            <Button onClick={onGenerate}>{text.t('protectGenerate')}</Button>
          </div>
          {generated !== null ? (
            <MessageBar intent="info" layout="multiline" data-testid="protect-generated">
              <MessageBarBody>
                {text.t('protectGenerated')} <code data-testid="protect-generated-value" ref={generatedRef}>{generated}</code>{' '}
                <Button size="small" onClick={onCopy}>
                  {text.t(copied ? 'protectCopied' : 'protectCopy')}
                </Button>
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={busy || !profile}>
              {busy ? text.t('protectWorking') : text.t('protectApply')}
            </Button>
          </div>
        </form>
      ) : null}

      {view && protectedNow ? (
        <form
          className={styles.section}
          onSubmit={(event) => {
            event.preventDefault();
            void onRemove();
          }}
          aria-labelledby="protect-remove-heading"
          data-testid="protect-remove-form"
        >
          <h2 id="protect-remove-heading" className={styles.subheading}>
            {text.t('protectRemoveHeading')}
          </h2>
          <Field label={text.t('protectRemovePassword')}>
            <Input type="password" autoComplete="off" value={removePassword} onChange={(_event, data) => setRemovePassword(data.value)} data-testid="protect-remove-password" />
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={busy}>
              {busy ? text.t('protectWorking') : text.t('protectRemove')}
            </Button>
          </div>
        </form>
      ) : null}

      <section className={styles.section} aria-labelledby="protect-limits-heading" data-testid="protect-limits">
        <h2 id="protect-limits-heading" className={styles.subheading}>
          {text.t('protectLimitsHeading')}
        </h2>
        <ul className={styles.list}>
          <li>{text.t('protectLimitAddCustomers')}</li>
          <li>{text.t('protectLimitSort')}</li>
          <li>{text.t('protectLimitUndo')}</li>
        </ul>
      </section>

      <div className={styles.actions}>
        <Button appearance="subtle" onClick={props.onBack}>
          {text.t('protectBack')}
        </Button>
      </div>
    </div>
  );
}

/**
 * Asked once when a rebuild meets a workbook Tierwise protected: the
 * password goes straight into that one rebuild (onSubmit) and is not kept.
 */
export function RebuildPasswordScreen(props: {
  readonly problem: Localized | null;
  readonly onSubmit: (password: string) => void;
  readonly onCancel: () => void;
}): JSX.Element {
  const styles = useScreenStyles();
  const text = useText();
  const [password, setPassword] = useState('');
  return (
    <form
      className={styles.screen}
      onSubmit={(event) => {
        event.preventDefault();
        const given = password;
        setPassword('');
        props.onSubmit(given);
      }}
      data-testid="screen-rebuild-password"
    >
      <h2 className={styles.heading}>{text.t('protectRebuildHeading')}</h2>
      <Text as="p" block>
        {text.t('protectRebuildBody')}
      </Text>
      {props.problem ? (
        <MessageBar intent="error" layout="multiline" data-testid="rebuild-password-problem">
          <MessageBarBody>{text.l(props.problem)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={text.t('protectRebuildPassword')}>
        <Input type="password" autoComplete="off" value={password} onChange={(_event, data) => setPassword(data.value)} data-testid="rebuild-password" />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit">
          {text.t('protectRebuildGo')}
        </Button>
        <Button appearance="subtle" onClick={props.onCancel}>
          {text.t('protectRebuildCancel')}
        </Button>
      </div>
    </form>
  );
}
