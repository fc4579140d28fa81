import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/AppHeader.js';
import { agreementQuery } from '../api/queries.js';
import { useUrlSearch } from '../hooks.js';
import { currentLang } from '../i18n.js';
import { navigate } from '../navigation.js';
import { NEXT_PARAM, safeNext } from '../routes.js';
import { useSession } from '../session.js';
import { signInStep } from '../sign-in-flow.js';
import { CodeStep } from './sign-in/CodeStep.js';
import { CredentialsStep } from './sign-in/CredentialsStep.js';
import { EnrolmentStep, RecoveryCodesStep } from './sign-in/EnrolmentStep.js';
import { PasswordStep } from './sign-in/PasswordStep.js';
import { SignedInStep } from './sign-in/SignedInStep.js';

/**
 * The sign-in page (/dang-nhap): password, then the second factor or its first-time set-up, then a forced
 * password change, whatever the server asks for. Once done it goes back to `?next=` (or the overview); opened
 * while signed in, it shows the account and lets the user change their password.
 */
export function SignInPage() {
  const { t, i18n } = useTranslation();
  const { state } = useSession();
  const [search] = useUrlSearch();
  const next = safeNext(search.get(NEXT_PARAM));
  // The single sign-on comes back with ?error=<code> when it was refused.
  const ssoError = search.get('error');
  const agreement = useQuery(agreementQuery(currentLang(i18n.resolvedLanguage)));
  const [recoveryCodes, setRecoveryCodes] = useState<readonly string[] | null>(null);
  const step = signInStep(state, recoveryCodes !== null);

  useEffect(() => {
    document.title = t('pageTitle.signIn');
  }, [t]);

  // Finishing the last step here goes on to where the user was heading (nothing is shown, or loaded, on the way);
  // arriving signed in shows the account instead.
  const [arrivedSignedIn, setArrivedSignedIn] = useState(step === 'signedIn');
  if (arrivedSignedIn && step !== 'signedIn') setArrivedSignedIn(false);
  const leaving = step === 'signedIn' && !arrivedSignedIn;
  useEffect(() => {
    if (leaving) navigate(next, { replace: true });
  }, [leaving, next]);

  // Each new step takes the focus, so that a screen reader announces it.
  const stepRef = useRef<HTMLDivElement>(null);
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    const target = stepRef.current?.querySelector<HTMLElement>('input:not([type=checkbox]), h2');
    target?.focus();
  }, [step]);

  return (
    <div className="app">
      <AppHeader agreement={agreement.data} />
      <main id="main" className="main page-narrow sign-in" tabIndex={-1}>
        <div className="page-head">
          <div>
            <h1 className="page-title">{t('signIn.title')}</h1>
            {step === 'credentials' && <p className="page-subtitle">{t('signIn.intro')}</p>}
          </div>
        </div>
        <div ref={stepRef}>
          {step === 'credentials' && <CredentialsStep next={next} ssoError={ssoError} />}
          {step === 'code' && <CodeStep />}
          {step === 'enrol' && <EnrolmentStep onConfirmed={setRecoveryCodes} />}
          {step === 'recoveryCodes' && recoveryCodes && (
            <RecoveryCodesStep codes={recoveryCodes} onSaved={() => setRecoveryCodes(null)} />
          )}
          {step === 'password' && <PasswordStep forced />}
          {step === 'signedIn' && !leaving && <SignedInStep next={next} />}
        </div>
      </main>
    </div>
  );
}
