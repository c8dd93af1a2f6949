import { useEffect, useMemo, useState } from 'react';
import { CampaignPerformanceDocument, CampaignsDocument, type CampaignPerformanceQuery, type CampaignsQuery } from '../gql/graphql';
import { request } from '../shared/graphql-client';
import { useT } from '../shared/i18n';
import { FunnelChart } from './FunnelChart';

type Performance = NonNullable<NonNullable<CampaignPerformanceQuery['campaign']>['performance']>;
const STAGES = ['shown', 'clicked', 'accepted', 'redeemed'] as const;
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)} %`);

function Performance({ performance }: { performance: Performance }) {
  const { t } = useT();
  const values = useMemo(() => STAGES.map((s) => performance[s].customers), [performance]);
  const labels = useMemo(() => STAGES.map((s) => s.toUpperCase()), []);
  const uplift = performance.uplift;
  return (
    <>
      <h3>{t.funnel}</h3>
      <FunnelChart labels={labels} values={values} title={t.funnel} />
      <table data-funnel-table>
        <thead>
          <tr>
            {labels.map((l) => (
              <th scope="col" key={l}>
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {values.map((v, i) => (
              <td key={labels[i]}>{v}</td>
            ))}
          </tr>
        </tbody>
      </table>
      <p>
        Reach {performance.reach}; conversion {pct(performance.conversionRate)}; revenue {performance.attributedRevenue.toFixed(2)}
      </p>
      <h3>{t.uplift}</h3>
      {uplift ? (
        <p data-uplift>
          {pct(uplift.absoluteUplift)} (relative {pct(uplift.relativeUplift)}), +{uplift.incrementalRedemptions?.toFixed(1) ?? '—'} redemptions, p = {uplift.pValue?.toFixed(3) ?? '—'}, holdout reach{' '}
          {uplift.holdoutReach}
        </p>
      ) : (
        <p>—</p>
      )}
    </>
  );
}

export function Campaigns({ token }: { token: string }) {
  const { t } = useT();
  const [campaigns, setCampaigns] = useState<NonNullable<CampaignsQuery['campaigns']>['edges']>([]);
  const [selected, setSelected] = useState<CampaignPerformanceQuery['campaign']>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    void request(CampaignsDocument, {}, token).then((r) => setCampaigns(r.data?.campaigns?.edges ?? []));
  }, [token]);
  const open = async (id: string) => {
    const r = await request(CampaignPerformanceDocument, { id }, token);
    setSelected(r.data?.campaign);
    setError(r.errors?.[0]?.message);
  };
  return (
    <section aria-labelledby="campaigns">
      <h2 id="campaigns">{t.campaigns}</h2>
      <ul>
        {campaigns.map(({ node }) => (
          <li key={node.id}>
            <button data-open-campaign={node.id} onClick={() => void open(node.id)}>
              {node.name}
            </button>{' '}
            {node.status}, holdout {node.holdoutPercent} %
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {selected && (
        <article aria-labelledby="campaign-name">
          <h3 id="campaign-name">{selected.name}</h3>
          {selected.performance ? <Performance performance={selected.performance} /> : <p>—</p>}
        </article>
      )}
    </section>
  );
}
