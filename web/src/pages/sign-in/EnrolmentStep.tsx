import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionStore, type Enrolment } from '../../api/session.js';
import { FormProblem } from '../../components/FormProblem.js';
import { currentLang } from '../../i18n.js';
import { useSession } from '../../session.js';
import { codeIssue, groupSecret, normaliseCode, recoveryCodesText } from '../../sign-in-flow.js';
import { StartOver } from './StartOver.js';

const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));

/**
 * First-time two-factor set-up (required for administrators): a new secret for the authenticator app, shown as
 * text and as its otpauth:// address, confirmed with a first code. The set-up starts on a click, not on mount:
 * each start makes a new secret and the previous one stops working.
 */
export function EnrolmentStep({ onConfirmed }: { onConfirmed: (recoveryCodes: readonly string[]) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [issue, setIssue] = useState<ReturnType<typeof codeIssue>>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (enrolment) codeInput.current?.focus();
  }, [enrolment]);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setEnrolment(await sessionStore.startEnrolment({ lang: currentLang() }));
    } catch (err) {
      setError(asError(err));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = codeIssue('totp', code);
    setIssue(found);
    if (found) return;
    setBusy(true);
    setError(null);
    try {
      await sessionStore.confirmEnrolment(normaliseCode('totp', code), {
        lang: currentLang(),
        onRecoveryCodes: onConfirmed,
      });
    } catch (err) {
      setError(asError(err));
      setCode('');
      setBusy(false);
    }
  };

  const problemId = `${id}-problem`;
  return (
    <section className="panel sign-in-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title" tabIndex={-1}>
        {t('signIn.enrol.heading')}
      </h2>
      <p className="panel-hint">{t('signIn.enrol.intro')}</p>
      {!enrolment ? (
        <div className="form-actions">
          <button type="button" className="button" onClick={start} disabled={busy}>
            {busy ? t('signIn.enrol.starting') : t('signIn.enrol.start')}
          </button>
        </div>
      ) : (
        <form className="form" onSubmit={confirm} noValidate>
          <ol className="sign-in-steps">
            <li>
              <p>{t('signIn.enrol.step1')}</p>
              <dl className="secret-list">
                <dt>{t('signIn.enrol.secret')}</dt>
                <dd>
                  <code className="secret" data-testid="totp-secret">
                    {groupSecret(enrolment.secret)}
                  </code>{' '}
                  <CopyButton text={enrolment.secret} />
                </dd>
                <dt>{t('signIn.enrol.uri')}</dt>
                <dd>
                  <code className="secret secret-uri" data-testid="totp-uri">
                    {enrolment.uri}
                  </code>{' '}
                  <CopyButton text={enrolment.uri} />
                </dd>
              </dl>
            </li>
            <li>
              <label className="field-label" htmlFor={`${id}-code`}>
                {t('signIn.enrol.step2')}
              </label>
              <input
                ref={codeInput}
                id={`${id}-code`}
                className="input input-code"
                name="one-time-code"
                type="text"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={16}
                value={code}
                aria-invalid={issue !== null}
                aria-describedby={problemId}
                onChange={(e) => setCode(e.target.value)}
              />
            </li>
          </ol>
          <div id={problemId} aria-live="polite">
            {issue && (
              <p className="notice notice-error notice-inline form-problem" role="alert">
                {t(`signIn.code.${issue}`)}
              </p>
            )}
          </div>
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('signIn.enrol.confirming') : t('signIn.enrol.confirm')}
            </button>
          </div>
        </form>
      )}
      {!issue && <FormProblem error={error} />}
      <StartOver />
    </section>
  );
}

/** The ten recovery codes, shown once, until the user says they are saved. */
export function RecoveryCodesStep({ codes, onSaved }: { codes: readonly string[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const username = useSession().state.user?.username ?? '';
  const [fileUrl] = useState(() => URL.createObjectURL(new Blob([recoveryCodesText(codes, username)])));
  useEffect(() => () => URL.revokeObjectURL(fileUrl), [fileUrl]);
  return (
    <section className="panel sign-in-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title" tabIndex={-1}>
        {t('signIn.recovery.heading')}
      </h2>
      <p className="panel-hint">{t('signIn.recovery.intro')}</p>
      <p className="notice notice-warn notice-inline">{t('signIn.recovery.once')}</p>
      <ul className="recovery-codes" aria-label={t('signIn.recovery.list')} data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <a className="button button-secondary" href={fileUrl} download={`dx-compact-${username}-recovery-codes.txt`}>
          {t('signIn.recovery.download')}
        </a>
        <CopyButton text={codes.join('\n')} label={t('signIn.recovery.copy')} />
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={onSaved}>
          {t('signIn.recovery.saved')}
        </button>
      </div>
    </section>
  );
}

/** Copies text to the clipboard; where the browser refuses (not a secure origin), the text stays selectable. */
function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <button type="button" className="link-button" onClick={copy} aria-live="polite">
      {copied ? t('signIn.enrol.copied') : (label ?? t('signIn.enrol.copy'))}
    </button>
  );
}
