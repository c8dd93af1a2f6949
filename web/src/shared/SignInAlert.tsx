import { useT } from './i18n';

/** Why the sign-in minted no token, in words (the code is kept for tests and support). */
export function SignInAlert({ code }: { code?: string }) {
  const { t } = useT();
  if (!code) return null;
  return (
    <p role="alert" className="error" data-sign-in-error={code}>
      {t.signInError}: {t.signInErrors[code] ?? t.signInErrors.SIGN_IN_FAILED}
    </p>
  );
}
