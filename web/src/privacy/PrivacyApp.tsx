import { useEffect, useState } from 'react';
import { loadConfig, type WebConfig } from '../shared/graphql-client';
import { LangContext } from '../shared/i18n';
import { LangSwitch } from '../shared/LangSwitch';
import { useLang } from '../shared/useLang';
import { completeOidcSignIn } from './oidc';
import { PrivacyCentre } from './PrivacyCentre';
import { SignIn } from './SignIn';

/** The token lives in this component's state only: a reload signs the customer out. */
export function PrivacyApp() {
  const lang = useLang();
  const [config, setConfig] = useState<WebConfig>();
  const [token, setToken] = useState<string>();
  useEffect(() => {
    void loadConfig().then(async (c) => {
      setConfig(c);
      if (c.signIn === 'oidc' && c.oidc) setToken(await completeOidcSignIn(c.oidc));
    });
  }, []);
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
      <main id="content">{!config ? <p>{t.loading}</p> : token ? <PrivacyCentre token={token} onSignedOut={() => setToken(undefined)} /> : <SignIn config={config} onToken={setToken} />}</main>
    </LangContext.Provider>
  );
}
