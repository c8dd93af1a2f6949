import { useState } from 'react';
import { LangContext } from '../shared/i18n';
import { LangSwitch } from '../shared/LangSwitch';
import { useLang } from '../shared/useLang';
import { useOidcReturn } from '../shared/useOidcReturn';
import { Campaigns } from './Campaigns';
import { Customer360 } from './Customer360';
import { CustomerSearch } from './CustomerSearch';
import { Segments } from './Segments';
import { StaffSignIn } from './StaffSignIn';

type View = { name: 'customers' | 'campaigns' | 'segments' } | { name: 'customer'; id: string };

/** Views live in state, not in the address: customer ids never reach URLs, history or logs. */
export function ConsoleApp() {
  const lang = useLang();
  const t = lang.t;
  const { config, token, setToken, failure, setFailure } = useOidcReturn('console', (c) => c.consoleOidc);
  const [view, setView] = useState<View>({ name: 'customers' });
  const tab = (name: 'customers' | 'campaigns' | 'segments', label: string) => (
    <li>
      <button className="link" aria-current={view.name === name ? 'page' : undefined} onClick={() => setView({ name })}>
        {label}
      </button>
    </li>
  );
  return (
    <LangContext.Provider value={lang}>
      <a className="skip" href="#content">
        {t.skip}
      </a>
      <header>
        <h1>{t.consoleTitle}</h1>
        {token && (
          <nav aria-label={t.consoleTitle}>
            <ul>
              {tab('customers', t.customers)}
              {tab('campaigns', t.campaigns)}
              {tab('segments', t.segments)}
            </ul>
          </nav>
        )}
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
        {!token && !config && <p>{t.loading}</p>}
        {!token && config && (
          <StaffSignIn
            config={config}
            failure={failure}
            onToken={(next) => {
              setFailure(undefined);
              setToken(next);
            }}
          />
        )}
        {token && view.name === 'customers' && <CustomerSearch token={token} open={(id) => setView({ name: 'customer', id })} />}
        {token && view.name === 'customer' && <Customer360 token={token} id={view.id} back={() => setView({ name: 'customers' })} />}
        {token && view.name === 'campaigns' && <Campaigns token={token} />}
        {token && view.name === 'segments' && <Segments token={token} />}
      </main>
    </LangContext.Provider>
  );
}
