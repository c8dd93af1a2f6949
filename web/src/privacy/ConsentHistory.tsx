import { useState } from 'react';
import { ConsentReceiptDocument, VerifyLedgerDocument } from '../gql/graphql';
import { downloadJson, request } from '../shared/graphql-client';
import { useT } from '../shared/i18n';
import type { Overview } from './PrivacyCentre';

export function ConsentHistory({ overview, customerId, token }: { overview: Overview; customerId: string; token: string }) {
  const { t, lang } = useT();
  const [verified, setVerified] = useState<string>();
  const events = overview.customer?.consentHistory.edges.map((e) => e.node) ?? [];
  const receipt = async (eventId: string) => {
    const result = await request(ConsentReceiptDocument, { eventId }, token);
    if (result.data?.consentReceipt) downloadJson(`consent-receipt-${eventId}.json`, result.data.consentReceipt);
  };
  const verify = async () => {
    const result = await request(VerifyLedgerDocument, { id: customerId }, token);
    const v = result.data?.verifyConsentLedger;
    setVerified(v?.valid ? t.ledgerValid.replace('{n}', String(v.eventsChecked)) : t.ledgerBroken);
  };
  return (
    <section aria-labelledby="history">
      <h2 id="history">{t.history}</h2>
      <button onClick={() => void verify()}>{t.verifyLedger}</button>
      {verified && <p role="status">{verified}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">{t.when}</th>
            <th scope="col">{t.purpose}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.receipt}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{new Date(e.recordedAt).toLocaleString(lang)}</td>
              <td>
                {e.purpose.name}
                {e.partner ? `: ${e.partner.name}` : ''}
                {e.noticeVersion ? ` (${t.version} ${e.noticeVersion})` : ''}
              </td>
              <td className={`status ${e.status}`}>{t[e.status]}</td>
              <td>
                <button data-receipt={e.id} aria-label={`${t.receipt}: ${e.purpose.name} ${new Date(e.recordedAt).toLocaleString(lang)}`} onClick={() => void receipt(e.id)}>
                  {t.receipt}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
