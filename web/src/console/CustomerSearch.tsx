import { useEffect, useRef, useState } from 'react';
import { SearchCustomersDocument, type SearchCustomersQuery } from '../gql/graphql';
import { request, withheldFields } from '../shared/graphql-client';
import { useT } from '../shared/i18n';

type Page = NonNullable<SearchCustomersQuery['customers']>;
const PAGE_SIZE = 10;

/**
 * Prefix search with keyset paging: the next page starts after the last cursor; going back re-reads
 * the page from the cursor it was read after (kept in memory). The search text stays in the request body.
 */
export function CustomerSearch({ token, open }: { token: string; open(id: string): void }) {
  const { t, lang } = useT();
  const [text, setText] = useState('');
  const [page, setPage] = useState<Page>();
  // The `after` cursor of every page read so far; the last one is the page shown.
  const [trail, setTrail] = useState<(string | undefined)[]>([]);
  const [locked, setLocked] = useState<Set<string>>(new Set());
  const status = useRef<HTMLParagraphElement>(null);
  const load = async (nextTrail: (string | undefined)[]) => {
    const result = await request(SearchCustomersDocument, { filter: text ? { search: text } : undefined, first: PAGE_SIZE, after: nextTrail[nextTrail.length - 1] }, token);
    setPage(result.data?.customers ?? undefined);
    setTrail(nextTrail);
    setLocked(new Set(withheldFields(result.errors).keys()));
  };
  // Keyboard users land on each new page's summary, right before its pager and rows.
  useEffect(() => {
    if (page) status.current?.focus();
  }, [page]);
  return (
    <section aria-labelledby="search">
      <h2 id="search">{t.customers}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void load([undefined]);
        }}
      >
        <label htmlFor="search-text">{t.searchLabel}</label>
        <input id="search-text" type="search" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} /> <button type="submit">{t.search}</button>
      </form>
      {page && (
        <>
          <p role="status" tabIndex={-1} ref={status} data-page={trail.length}>
            {t.pageOf} {trail.length} · {page.totalCount}
          </p>
          <nav aria-label={t.pageOf} className="pager">
            {trail.length > 1 && <button onClick={() => void load(trail.slice(0, -1))}>{t.previous}</button>}{' '}
            {page.pageInfo.hasNextPage && <button onClick={() => void load([...trail, page.pageInfo.endCursor ?? undefined])}>{t.next}</button>}
          </nav>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.customers}</th>
                <th scope="col">Email</th>
                <th scope="col">{t.when}</th>
              </tr>
            </thead>
            <tbody>
              {page.edges.map(({ node }, i) => (
                <tr key={node.id}>
                  <td>
                    <button data-open-customer={node.id} onClick={() => open(node.id)}>
                      {node.displayName ?? (locked.has(`customers.edges.${i}.node.displayName`) ? `🔒 ${node.id.slice(0, 8)}` : node.id.slice(0, 8))}
                    </button>
                  </td>
                  <td>{locked.has(`customers.edges.${i}.node.email`) ? `🔒 ${t.withheld}` : (node.email ?? '—')}</td>
                  <td>{new Date(node.createdAt).toLocaleDateString(lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
