import { LangContext } from '../shared/i18n';
import { LangSwitch } from '../shared/LangSwitch';
import { useLang } from '../shared/useLang';
import { useOidcReturn } from '../shared/useOidcReturn';
import { PrivacyCentre } from './PrivacyCentre';
import { SignIn } from './SignIn';

/** The token lives in this component's state only: a reload signs the customer out. */
export function PrivacyApp() {
  const lang = useLang();
  const { config, token, setToken, failure, setFailure } = useOidcReturn('privacy', (c) => c.oidc);
  const t = lang.t;
  return (
    <LangContext.Provider value={lang}>
      <a className="skip" href="#content">
        {t.skip}
      </a>
      <header>
        <h1>{t.privacyTitle}</h1>
        <div className="choices">
          <LangSwitch />
          {token && (
            <button className="link" onClick={() => setToken(undefined)}>
              {t.signOut}
            </button>
          )}
        </div>
      </header>
      <main id="content">
        {!config ? (
          <p>{t.loading}</p>
        ) : token ? (
          <PrivacyCentre token={token} onSignedOut={() => setToken(undefined)} />
        ) : (
          <SignIn
            config={config}
            failure={failure}
            onToken={(next) => {
              setFailure(undefined);
              setToken(next);
            }}
          />
        )}
      </main>
    </LangContext.Provider>
  );
}
