import { useCallback, useEffect, useState } from 'react';
import { PrivacyOverviewDocument, type PrivacyOverviewQuery } from '../gql/graphql';
import { request, SignedOut } from '../shared/graphql-client';
import { useT } from '../shared/i18n';
import { ConsentHistory } from './ConsentHistory';
import { Disclosures } from './Disclosures';
import { PurposeChoices } from './PurposeChoices';
import { SubjectRequests } from './SubjectRequests';
import { customerIdOf } from './token-claims';

export type Overview = PrivacyOverviewQuery;

export function PrivacyCentre({ token, onSignedOut }: { token: string; onSignedOut(): void }) {
  const { t } = useT();
  const customerId = customerIdOf(token);
  const [overview, setOverview] = useState<Overview>();
  const [error, setError] = useState<string>();
  const reload = useCallback(async () => {
    if (!customerId) return onSignedOut();
    try {
      const result = await request(PrivacyOverviewDocument, { id: customerId }, token);
      if (!result.data?.customer) return onSignedOut();
      setOverview(result.data);
      setError(result.errors?.[0]?.message);
    } catch (e) {
      if (e instanceof SignedOut) onSignedOut();
      else setError((e as Error).message);
    }
  }, [customerId, token, onSignedOut]);
  useEffect(() => {
    void reload();
  }, [reload]);
  if (!overview || !customerId) return <p>{t.loading}</p>;
  return (
    <>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p>{overview.customer?.displayName}</p>
      <PurposeChoices overview={overview} customerId={customerId} token={token} onChange={reload} />
      <ConsentHistory overview={overview} customerId={customerId} token={token} />
      <Disclosures overview={overview} />
      <SubjectRequests overview={overview} customerId={customerId} token={token} onChange={reload} onErased={onSignedOut} />
    </>
  );
}
