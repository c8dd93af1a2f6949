import { useEffect, useMemo, useState } from 'react';
import { SegmentsDocument, type SegmentsQuery } from '../gql/graphql';
import { request, type GraphQLErrorItem } from '../shared/graphql-client';
import { useT } from '../shared/i18n';
import { SegmentSizeChart, type SizeSeries } from './SegmentSizeChart';

type Edges = NonNullable<SegmentsQuery['segments']>['edges'];

/** Each segment's recorded sizes, oldest first: its size over time as far as this purpose may read it. */
function sizeSeries(edges: Edges): SizeSeries[] {
  return edges.map(({ node }) => ({
    id: node.id,
    name: node.name,
    points: (node.sizeHistory?.points ?? []).map((p) => ({ at: Date.parse(p.at), members: p.memberCount })),
  }));
}

/** Why a segment's figures were withheld (by the index of its edge): the reader's purpose cannot read a condition of it. */
function withheldSizes(errors: GraphQLErrorItem[] | undefined): Map<number, GraphQLErrorItem> {
  const withheld = new Map<number, GraphQLErrorItem>();
  for (const error of errors ?? []) {
    const [root, edges, index, , field] = error.path ?? [];
    if (root === 'segments' && edges === 'edges' && typeof index === 'number' && field === 'memberCount' && error.extensions?.code === 'FORBIDDEN') withheld.set(index, error);
  }
  return withheld;
}

/** Each segment's size now, and over time (a chart and the same numbers as a table); figures the purpose may not read show a lock. */
export function Segments({ token }: { token: string }) {
  const { t, lang } = useT();
  const [segments, setSegments] = useState<Edges>();
  const [withheld, setWithheld] = useState<Map<number, GraphQLErrorItem>>(new Map());
  const [error, setError] = useState<string>();
  useEffect(() => {
    void request(SegmentsDocument, {}, token).then((r) => {
      setSegments(r.data?.segments?.edges ?? []);
      const locks = withheldSizes(r.errors);
      setWithheld(locks);
      // Withheld figures are shown as locks; anything else is an error.
      setError(r.errors?.find((e) => e.extensions?.code !== 'FORBIDDEN' || !r.data?.segments)?.message);
    });
  }, [token]);
  const series = useMemo(() => sizeSeries(segments ?? []), [segments]);
  return (
    <section aria-labelledby="segments">
      <h2 id="segments">{t.segments}</h2>
      {error && <p className="error">{error}</p>}
      {!segments ? (
        <p>{t.loading}</p>
      ) : (
        <>
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
              {segments.map(({ node }, i) => (
                <tr key={node.id}>
                  <td>{node.name}</td>
                  <td>{node.purpose}</td>
                  <td data-segment-size={node.id}>
                    {withheld.has(i) ? (
                      <span className="lock" data-withheld={withheld.get(i)!.extensions?.reason ?? 'WITHHELD'}>
                        <span aria-hidden="true">🔒 </span>
                        {t.withheld}: {withheld.get(i)!.extensions?.reason}
                        {withheld.get(i)!.extensions?.category ? ` (${withheld.get(i)!.extensions!.category})` : ''}
                      </span>
                    ) : (
                      node.memberCount
                    )}
                  </td>
                  <td>v{node.versions[0]?.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {series.some((s) => s.points.length > 0) && (
            <section aria-labelledby="segment-sizes">
              <h3 id="segment-sizes">{t.sizeOverTime}</h3>
              <SegmentSizeChart series={series.filter((s) => s.points.length > 0)} title={t.sizeOverTime} lang={lang} />
              {segments.some(({ node }) => (node.sizeHistory?.withheldVersions.length ?? 0) > 0) && <p className="lock">🔒 {t.withheldVersions}</p>}
              <table>
                <caption>{t.sizeTable}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.segments}</th>
                    <th scope="col">{t.version}</th>
                    <th scope="col">{t.evaluatedAt}</th>
                    <th scope="col">{t.members}</th>
                  </tr>
                </thead>
                <tbody>
                  {segments.flatMap(({ node }) =>
                    (node.sizeHistory?.points ?? []).map((p) => (
                      <tr key={`${node.id}:${p.at}`} data-segment-point={`${node.id}:${p.at}`}>
                        <th scope="row">{node.name}</th>
                        <td>v{p.version}</td>
                        <td>{new Date(p.at).toLocaleString(lang)}</td>
                        <td>{p.memberCount}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </section>
          )}
        </>
      )}
    </section>
  );
}
