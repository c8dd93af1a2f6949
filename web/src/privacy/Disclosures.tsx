import { useT } from '../shared/i18n';
import type { Overview } from './PrivacyCentre';

export function Disclosures({ overview }: { overview: Overview }) {
  const { t, lang } = useT();
  const disclosures = overview.customer?.disclosures.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="disclosures">
      <h2 id="disclosures">{t.disclosures}</h2>
      {disclosures.length === 0 ? (
        <p>{t.noDisclosures}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.recipient}</th>
              <th scope="col">{t.purpose}</th>
              <th scope="col">{t.categories}</th>
              <th scope="col">{t.consentEvents}</th>
            </tr>
          </thead>
          <tbody>
            {disclosures.map((d) => (
              <tr key={d.id}>
                <td>{new Date(d.disclosedAt).toLocaleString(lang)}</td>
                <td>{d.partner?.name ?? d.clientId}</td>
                <td>{d.purposeCode}</td>
                <td>{d.categories.join(', ')}</td>
                <td>{d.consentEventIds.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
