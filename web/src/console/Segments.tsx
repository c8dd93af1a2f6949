import { useEffect, useState } from 'react';
import { SegmentsDocument, type SegmentsQuery } from '../gql/graphql';
import { request } from '../shared/graphql-client';
import { useT } from '../shared/i18n';

/** Each segment's size now and per version over time. */
export function Segments({ token }: { token: string }) {
  const { t, lang } = useT();
  const [segments, setSegments] = useState<NonNullable<SegmentsQuery['segments']>['edges']>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    void request(SegmentsDocument, {}, token).then((r) => {
      setSegments(r.data?.segments?.edges ?? []);
      setError(r.errors?.[0]?.message);
    });
  }, [token]);
  return (
    <section aria-labelledby="segments">
      <h2 id="segments">{t.segments}</h2>
      {error && <p className="error">{error}</p>}
      {!segments ? (
        <p>{t.loading}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.segments}</th>
              <th scope="col">{t.purpose}</th>
              <th scope="col">{t.members}</th>
              <th scope="col">{t.version}</th>
            </tr>
          </thead>
          <tbody>
            {segments.map(({ node }) => (
              <tr key={node.id}>
                <td>{node.name}</td>
                <td>{node.purpose}</td>
                <td data-segment-size={node.id}>{node.memberCount}</td>
                <td>
                  {node.versions.map((v) => (
                    <div key={v.version}>
                      v{v.version}: {v.memberCount ?? '—'} ({v.evaluatedAt ? new Date(v.evaluatedAt).toLocaleDateString(lang) : '—'})
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
