import { useEffect, useState } from 'react';
import { devToken, type WebConfig } from '../shared/graphql-client';
import { useT } from '../shared/i18n';
import { startOidcSignIn } from '../shared/oidc';
import { SignInAlert } from '../shared/SignInAlert';

interface DemoCustomer {
  id: string;
  displayName: string | null;
}

/** The provider's sign-in when configured; in development also a list of demo customers. */
export function SignIn({ config, failure, onToken }: { config: WebConfig; failure?: string; onToken(token: string): void }) {
  const { t } = useT();
  const [customers, setCustomers] = useState<DemoCustomer[]>([]);
  const [devFailure, setDevFailure] = useState<string>();
  useEffect(() => {
    if (!config.development) return;
    void fetch('/dev/sign-in/customers')
      .then((r) => r.json() as Promise<{ customers: DemoCustomer[] }>)
      .then((body) => setCustomers(body.customers));
  }, [config.development]);

  const signIn = async (customerId: string) => {
    const answer = await devToken({ kind: 'CUSTOMER', customerId });
    if ('token' in answer) onToken(answer.token);
    else setDevFailure(answer.error);
  };
  const oidc = config.oidc;
  return (
    <>
      <SignInAlert code={failure ?? devFailure} />
      {oidc && (
        <section aria-labelledby="sign-in">
          <h2 id="sign-in">{t.signIn}</h2>
          <button className="primary" onClick={() => void startOidcSignIn(oidc, 'privacy')}>
            {t.oidcSignIn}
          </button>
        </section>
      )}
      {config.development && (
        <section aria-labelledby="dev-sign-in">
          <h2 id="dev-sign-in">{t.devSignIn}</h2>
          <p>{t.devSignInHelp}</p>
          <ul>
            {customers.map((c) => (
              <li key={c.id}>
                <button data-customer-id={c.id} onClick={() => void signIn(c.id)}>
                  {t.signInAs} {c.displayName ?? c.id}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!oidc && !config.development && <p>{t.noSignIn}</p>}
    </>
  );
}
