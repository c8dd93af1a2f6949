import { useState } from 'react';
import { devToken, type WebConfig } from '../shared/graphql-client';
import { useT } from '../shared/i18n';
import { startOidcSignIn } from '../shared/oidc';
import { SignInAlert } from '../shared/SignInAlert';

const ROLES = ['AGENT', 'PRIVACY_OFFICER'] as const;

/** The organisation's provider (when configured), a pasted staff token, or (development) a minted one for a role and purpose. */
export function StaffSignIn({ config, failure, onToken }: { config: WebConfig; failure?: string; onToken(token: string): void }) {
  const { t } = useT();
  const [pasted, setPasted] = useState('');
  const [purpose, setPurpose] = useState('MARKETING');
  const [role, setRole] = useState<(typeof ROLES)[number]>('AGENT');
  const [devFailure, setDevFailure] = useState<string>();
  const mint = async () => {
    const answer = await devToken({ kind: 'STAFF', role, purpose });
    if ('token' in answer) onToken(answer.token);
    else setDevFailure(answer.error);
  };
  const oidc = config.consoleOidc;
  return (
    <>
      <SignInAlert code={failure ?? devFailure} />
      {oidc && (
        <section aria-labelledby="staff-oidc">
          <h2 id="staff-oidc">{t.oidcStaffSignIn}</h2>
          <button className="primary" onClick={() => void startOidcSignIn(oidc, 'console')}>
            {t.signIn}
          </button>
        </section>
      )}
      <section aria-labelledby="paste">
        <h2 id="paste">{t.staffToken}</h2>
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
      {config.development && (
        <section aria-labelledby="dev">
          <h2 id="dev">{t.devSignIn}</h2>
          <div>
            <label htmlFor="staff-role">{t.staffRole}</label>
            <select id="staff-role" value={role} onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t[`role${r}`]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="staff-purpose">{t.staffPurpose}</label>
            <select id="staff-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)}>
              {['MARKETING', 'PERSONALISATION', 'PROFILING', 'SERVICE'].map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </div>
          <button onClick={() => void mint()}>{t.signIn}</button>
        </section>
      )}
    </>
  );
}
