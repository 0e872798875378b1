import { useEffect, useState } from 'react';
import type { LoginResponse } from '../../protocol';
import { ApiError } from '../../sync/apiClient';
import {
  NEW_PIN_FLAG,
  collectSsoLogin,
  completeSso,
  setPinAndSignIn,
} from '../../sync/signInWithSso';
import { useT } from '../../i18n';
import { LoginPage } from './LoginPage';
import type { ssoReturn } from './ssoReturn';
import { PinSetupPage } from './PinSetupPage';

type Step =
  | { kind: 'collecting' }
  | { kind: 'pin'; response: LoginResponse }
  | { kind: 'failed'; message: string };

/** One exchange (and one opening of the store) per return, also when React runs the effect twice. */
let pending: Promise<{ response: LoginResponse; needsPin: boolean }> | undefined;

/**
 * The app's side of a finished single sign-on: collect the session (the one-time code is in an
 * HttpOnly cookie, never in the address), then open the store with the device secret or ask for
 * a PIN. The address is reset to "/" at once, so the history keeps nothing of the round trip.
 */
export function SsoLanding({ outcome }: { outcome: NonNullable<ReturnType<typeof ssoReturn>> }) {
  const t = useT();
  const [step, setStep] = useState<Step>(() =>
    outcome === 'done'
      ? { kind: 'collecting' }
      : { kind: 'failed', message: t(`login.sso.error.${outcome}`) },
  );

  useEffect(() => {
    window.history.replaceState(null, '', '/');
    if (outcome !== 'done') return;
    const forgotPin = sessionStorage.getItem(NEW_PIN_FLAG) !== null;
    sessionStorage.removeItem(NEW_PIN_FLAG);
    pending ??= collectSsoLogin().then(async (response) => ({
      response,
      needsPin: (await completeSso(response, forgotPin)).kind === 'needs-pin',
    }));
    pending
      .then(({ response, needsPin }) => {
        if (needsPin) setStep({ kind: 'pin', response });
      })
      .catch((error: unknown) => {
        const expired = error instanceof ApiError && error.code === 'unauthorized';
        setStep({
          kind: 'failed',
          message: t(expired ? 'login.sso.error.expired' : 'login.sso.error.failed'),
        });
      })
      .finally(() => {
        pending = undefined;
      });
  }, [outcome, t]);

  if (step.kind === 'pin') {
    return <PinSetupPage onPin={(pin) => setPinAndSignIn(step.response, pin)} />;
  }
  if (step.kind === 'failed') return <LoginPage notice={step.message} />;
  return (
    <p className="app-loading" role="status">
      {t('login.sso.busy')}
    </p>
  );
}
