import { useEffect, useMemo, useState } from 'react';
import { SegmentsDocument, type SegmentsQuery } from '../gql/graphql';
import { request } from '../shared/graphql-client';
import { useT } from '../shared/i18n';
import { SegmentSizeChart, type SizeSeries } from './SegmentSizeChart';

type Edges = NonNullable<SegmentsQuery['segments']>['edges'];

/** Each evaluated version's size, oldest first: the segment's size over time as far as the graph records it. */
function sizeSeries(edges: Edges): SizeSeries[] {
  return edges.map(({ node }) => ({
    id: node.id,
    name: node.name,
    points: node.versions
      .filter((v) => v.evaluatedAt && v.memberCount !== null && v.memberCount !== undefined)
      .map((v) => ({ version: v.version, at: Date.parse(v.evaluatedAt as string), members: v.memberCount as number }))
      .sort((a, b) => a.at - b.at)
      .map(({ at, members }) => ({ at, members })),
  }));
}

/** Each segment's size now, and per version over time (a chart and the same numbers as a table). */
export function Segments({ token }: { token: string }) {
  const { t, lang } = useT();
  const [segments, setSegments] = useState<Edges>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    void request(SegmentsDocument, {}, token).then((r) => {
      setSegments(r.data?.segments?.edges ?? []);
      setError(r.errors?.[0]?.message);
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
              {segments.map(({ node }) => (
                <tr key={node.id}>
                  <td>{node.name}</td>
                  <td>{node.purpose}</td>
                  <td data-segment-size={node.id}>{node.memberCount}</td>
                  <td>v{node.versions[0]?.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {series.some((s) => s.points.length > 0) && (
            <section aria-labelledby="segment-sizes">
              <h3 id="segment-sizes">{t.sizeOverTime}</h3>
              <SegmentSizeChart series={series} title={t.sizeOverTime} lang={lang} />
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
                    node.versions
                      .filter((v) => v.evaluatedAt)
                      .map((v) => (
                        <tr key={`${node.id}:${v.version}`} data-segment-point={`${node.id}:${v.version}`}>
                          <th scope="row">{node.name}</th>
                          <td>v{v.version}</td>
                          <td>{new Date(v.evaluatedAt as string).toLocaleString(lang)}</td>
                          <td>{v.memberCount ?? '—'}</td>
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
