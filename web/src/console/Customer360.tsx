import { useEffect, useState } from 'react';
import { Customer360Document, CustomerDisclosuresDocument, type Customer360Query, type CustomerDisclosuresQuery } from '../gql/graphql';
import { request, withheldFields, type GraphQLErrorItem } from '../shared/graphql-client';
import { useT } from '../shared/i18n';
import { Field } from './Withheld';

/** Everything the staff token's purpose releases about one customer, and a lock for the rest. */
export function Customer360({ token, id, back }: { token: string; id: string; back(): void }) {
  const { t, lang } = useT();
  const [data, setData] = useState<Customer360Query['customer']>();
  const [withheld, setWithheld] = useState<Map<string, GraphQLErrorItem>>(new Map());
  const [disclosures, setDisclosures] = useState<{ list?: NonNullable<CustomerDisclosuresQuery['customer']>['disclosures']; refused?: string }>({});
  useEffect(() => {
    // Apart: only privacy:admin staff may read disclosures, and a refusal must not blank the profile.
    void request(CustomerDisclosuresDocument, { id }, token).then((result) => setDisclosures({ list: result.data?.customer?.disclosures, refused: result.errors?.[0]?.extensions?.code }));
  }, [id, token]);
  useEffect(() => {
    void request(Customer360Document, { id }, token).then((result) => {
      setData(result.data?.customer ?? null);
      setWithheld(withheldFields(result.errors));
    });
  }, [id, token]);
  if (data === undefined) return <p>{t.loading}</p>;
  if (data === null)
    return (
      <p>
        — <button onClick={back}>{t.back}</button>
      </p>
    );
  const w = (field: string) => withheld.get(`customer.${field}`);
  const profile: [string, string][] = [
    ['displayName', 'Name'],
    ['givenName', 'Given name'],
    ['familyName', 'Family name'],
    ['email', 'Email'],
    ['phone', 'Phone'],
    ['birthDate', 'Birth date'],
    ['address', 'Address'],
    ['locale', 'Locale'],
    ['acquisitionChannel', 'Acquisition channel'],
  ];
  const value = data.value;
  return (
    <>
      <button onClick={back}>{t.back}</button>
      <section aria-labelledby="profile">
        <h2 id="profile">{t.profile}</h2>
        <dl className="grid">
          {profile.map(([field, label]) => (
            <Field key={field} label={label} value={data[field as keyof typeof data]} withheld={w(field)} />
          ))}
        </dl>
      </section>
      <section aria-labelledby="orders">
        <h2 id="orders">{t.orders}</h2>
        {w('orders') ? (
          <dl>
            <Field label={t.orders} value={null} withheld={w('orders')} />
          </dl>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t.when}</th>
                <th scope="col">Total</th>
                <th scope="col">{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {data.orders?.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>{node.occurredAt ? new Date(node.occurredAt).toLocaleDateString(lang) : '🔒'}</td>
                  <td>{node.total === null || node.total === undefined ? '🔒' : `${node.total} ${node.currency}`}</td>
                  <td>{node.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="value">
        <h2 id="value">{t.value}</h2>
        <dl className="grid">
          <Field label="Lifecycle" value={value?.lifecycleStage} withheld={w('value') ?? w('value.lifecycleStage')} />
          <Field
            label="RFM"
            value={value?.rfm ? `R${value.rfm.recencyScore ?? '-'} F${value.rfm.frequencyScore ?? '-'} M${value.rfm.monetaryScore ?? '-'} ${value.rfm.segment ?? ''}` : null}
            withheld={w('value') ?? w('value.rfm')}
          />
          <Field
            label="Lifetime value"
            value={value?.lifetimeValue ? `${value.lifetimeValue.historical.toFixed(2)} → ${value.lifetimeValue.predicted.toFixed(2)} ${value.currency ?? ''}` : null}
            withheld={w('value') ?? w('value.lifetimeValue')}
          />
          <Field label="Churn risk" value={value?.churnRisk?.toFixed(2)} withheld={w('value') ?? w('value.churnRisk')} />
        </dl>
        {value?.scoringWithheld && <p className="lock">🔒 PROFILING</p>}
      </section>
      <section aria-labelledby="consents">
        <h2 id="consents">{t.consents}</h2>
        <ul>
          {data.consents.map((c) => (
            <li key={`${c.purpose.code}:${c.partner?.name ?? ''}`}>
              {c.purpose.name}
              {c.partner ? `: ${c.partner.name}` : ''} — <span className={`status ${c.status}`}>{c.status}</span> ({new Date(c.updatedAt).toLocaleString(lang)})
            </li>
          ))}
        </ul>
        <h3>{t.history}</h3>
        <ul>
          {data.consentHistory.edges.map(({ node }) => (
            <li key={node.id}>
              {new Date(node.recordedAt).toLocaleString(lang)} {node.purpose.code}
              {node.partner ? `: ${node.partner.name}` : ''} {node.status}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="disclosures">
        <h2 id="disclosures">{t.staffDisclosures}</h2>
        {disclosures.refused ? (
          <p className="lock" data-disclosures-refused={disclosures.refused}>
            🔒 {disclosures.refused}
          </p>
        ) : disclosures.list?.edges.length === 0 ? (
          <p data-disclosures="0">—</p>
        ) : (
          <ul data-disclosures={disclosures.list?.edges.length}>
            {disclosures.list?.edges.map(({ node }) => (
              <li key={node.id}>
                {new Date(node.disclosedAt).toLocaleString(lang)} {node.clientId} {node.purposeCode}: {node.categories.join(', ')}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="offers">
        <h2 id="offers">{t.offers}</h2>
        <ol>
          {data.nextBestOffers?.map((pick) => (
            <li key={pick.offer.id}>
              <strong>{pick.offer.name}</strong> — {pick.offer.headline} (score {pick.score.toFixed(2)})
              <ul>
                {pick.reasons.map((r) => (
                  <li key={r.code}>
                    {r.text} ({r.contribution >= 0 ? '+' : ''}
                    {r.contribution.toFixed(2)})
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
