import { useState } from 'react';
import { GrantDocument, WithdrawDocument } from '../gql/graphql';
import { request } from '../shared/graphql-client';
import { useT } from '../shared/i18n';
import type { Overview } from './PrivacyCentre';

type Purpose = NonNullable<Overview['purposes']>[number];

/** One consent decision: notice, status and two equally prominent buttons (nothing pre-chosen). */
function Choice(props: { purpose: Purpose; partner?: { id: string; name: string }; status?: string; noticeVersion?: number | null; busy: boolean; decide(grant: boolean): void }) {
  const { t } = useT();
  const { purpose, partner, status } = props;
  const title = partner ? `${purpose.name}: ${partner.name}` : purpose.name;
  const id = `choice-${purpose.code}-${partner?.id ?? 'self'}`;
  return (
    <article className="card" aria-labelledby={id} data-purpose={purpose.code} data-partner={partner?.id}>
      <h3 id={id}>{title}</h3>
      {purpose.currentNotice ? (
        <p>
          <strong>{purpose.currentNotice.title}</strong> ({t.notice} {t.version} {purpose.currentNotice.version}): {purpose.currentNotice.summary}
        </p>
      ) : (
        <p>{purpose.description}</p>
      )}
      <p>
        {t.status}: <span className={`status ${status ?? ''}`}>{status ? t[status as 'GRANTED'] : t.notDecided}</span>
        {status === 'GRANTED' && props.noticeVersion ? ` (${t.version} ${props.noticeVersion})` : ''}
      </p>
      <div className="choices" role="group" aria-label={title}>
        <button aria-pressed={status === 'GRANTED'} disabled={props.busy} onClick={() => props.decide(true)}>
          {t.allow}
        </button>
        <button aria-pressed={status === 'WITHDRAWN' || status === 'DENIED'} disabled={props.busy} onClick={() => props.decide(false)}>
          {status === 'GRANTED' ? t.withdraw : t.refuse}
        </button>
      </div>
    </article>
  );
}

export function PurposeChoices({ overview, customerId, token, onChange }: { overview: Overview; customerId: string; token: string; onChange(): Promise<void> }) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const purposes = overview.purposes ?? [];
  const consentOf = (code: string, partnerId?: string) => overview.customer?.consents.find((c) => c.purpose.code === code && (c.partner?.id ?? undefined) === partnerId);
  const decide = async (purpose: Purpose, grant: boolean, partnerId?: string) => {
    setBusy(true);
    const base = { customerId, purposeCode: purpose.code, partnerId, channel: 'WEB' as const };
    const result = grant ? await request(GrantDocument, { input: { ...base, noticeVersion: purpose.currentNotice?.version } }, token) : await request(WithdrawDocument, { input: base }, token);
    setError(result.errors?.[0]?.message);
    await onChange();
    setBusy(false);
  };
  const choice = (purpose: Purpose, partner?: { id: string; name: string }) => {
    const consent = consentOf(purpose.code, partner?.id);
    return (
      <Choice
        key={`${purpose.code}:${partner?.id ?? ''}`}
        purpose={purpose}
        partner={partner}
        status={consent?.status}
        noticeVersion={consent?.noticeVersion}
        busy={busy}
        decide={(g) => void decide(purpose, g, partner?.id)}
      />
    );
  };
  return (
    <>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <section aria-labelledby="purposes">
        <h2 id="purposes">{t.purposes}</h2>
        {purposes.filter((p) => p.requiresConsent && !p.partnerScoped).map((p) => choice(p))}
        <ul>
          {purposes
            .filter((p) => !p.requiresConsent)
            .map((p) => (
              <li key={p.code}>
                <strong>{p.name}</strong>: {p.description} <span className="muted">({t.required})</span>
              </li>
            ))}
        </ul>
      </section>
      <section aria-labelledby="partners">
        <h2 id="partners">{t.partners}</h2>
        {purposes.filter((p) => p.requiresConsent && p.partnerScoped).flatMap((p) => (overview.partners ?? []).map((partner) => choice(p, partner)))}
      </section>
    </>
  );
}
