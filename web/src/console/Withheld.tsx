import type { GraphQLErrorItem } from '../shared/graphql-client';
import { useT } from '../shared/i18n';

/** A value, or a lock with the consent decision's reason when the graph withheld it. */
export function Field({ label, value, withheld }: { label: string; value: unknown; withheld?: GraphQLErrorItem }) {
  const { t } = useT();
  const shown = value === null || value === undefined || value === '' ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return (
    <>
      <dt>{label}</dt>
      <dd data-field={label}>
        {withheld ? (
          <span className="lock" data-withheld={withheld.extensions?.reason ?? 'WITHHELD'}>
            <span aria-hidden="true">🔒 </span>
            {t.withheld}: {withheld.extensions?.reason ?? withheld.extensions?.code}
            {withheld.extensions?.purpose ? ` (${withheld.extensions.purpose})` : ''}
          </span>
        ) : (
          shown
        )}
      </dd>
    </>
  );
}
