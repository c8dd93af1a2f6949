import { useEffect, useState } from 'react';
import { devToken, type WebConfig } from '../shared/graphql-client';
import { useT } from '../shared/i18n';
import { startOidcSignIn } from './oidc';

interface DemoCustomer {
  id: string;
  displayName: string | null;
}

export function SignIn({ config, onToken }: { config: WebConfig; onToken(token: string): void }) {
  const { t } = useT();
  const [customers, setCustomers] = useState<DemoCustomer[]>([]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (config.signIn !== 'development') return;
    void fetch('/dev/sign-in/customers')
      .then((r) => r.json() as Promise<{ customers: DemoCustomer[] }>)
      .then((body) => setCustomers(body.customers));
  }, [config.signIn]);

  if (config.signIn === 'oidc' && config.oidc) {
    const oidc = config.oidc;
    return (
      <section aria-labelledby="sign-in">
        <h2 id="sign-in">{t.signIn}</h2>
        <button className="primary" onClick={() => void startOidcSignIn(oidc)}>
          {t.oidcSignIn}
        </button>
      </section>
    );
  }
  if (config.signIn !== 'development') return <p>{t.noSignIn}</p>;
  const signIn = async (customerId: string) => {
    const token = await devToken({ kind: 'CUSTOMER', customerId });
    setFailed(!token);
    if (token) onToken(token);
  };
  return (
    <section aria-labelledby="sign-in">
      <h2 id="sign-in">{t.devSignIn}</h2>
      <p>{t.devSignInHelp}</p>
      {failed && (
        <p role="alert" className="error">
          {t.signInFailed}
        </p>
      )}
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
  );
}
