import { useEffect, useState } from 'react';
import { devToken, loadConfig } from '../shared/graphql-client';
import { useT } from '../shared/i18n';

/** Paste a staff token, or (development) mint one for a declared purpose. */
export function StaffSignIn({ onToken }: { onToken(token: string): void }) {
  const { t } = useT();
  const [pasted, setPasted] = useState('');
  const [purpose, setPurpose] = useState('MARKETING');
  const [development, setDevelopment] = useState(false);
  useEffect(() => {
    void loadConfig().then((c) => setDevelopment(c.signIn === 'development'));
  }, []);
  const mint = async () => {
    const token = await devToken({ kind: 'STAFF', purpose });
    if (token) onToken(token);
  };
  return (
    <>
      <section aria-labelledby="paste">
        <h2 id="paste">{t.signIn}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (pasted.trim()) onToken(pasted.trim());
          }}
        >
          <label htmlFor="staff-token">{t.staffToken}</label>
          <textarea id="staff-token" rows={3} cols={60} autoComplete="off" spellCheck={false} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          <div>
            <button type="submit">{t.useToken}</button>
          </div>
        </form>
      </section>
      {development && (
        <section aria-labelledby="dev">
          <h2 id="dev">{t.devSignIn}</h2>
          <label htmlFor="staff-purpose">{t.staffPurpose}</label>
          <select id="staff-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)}>
            {['MARKETING', 'PERSONALISATION', 'PROFILING', 'SERVICE'].map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>{' '}
          <button onClick={() => void mint()}>{t.signIn}</button>
        </section>
      )}
    </>
  );
}
