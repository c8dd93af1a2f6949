import { useEffect, useState } from 'react';
import { AccessDocumentDocument, RequestAccessDocument, RequestErasureDocument } from '../gql/graphql';
import { downloadJson, request } from '../shared/graphql-client';
import { useT } from '../shared/i18n';
import type { Overview } from './PrivacyCentre';

interface Props {
  overview: Overview;
  customerId: string;
  token: string;
  onChange(): Promise<void>;
  onErased(): void;
}

export function SubjectRequests({ overview, customerId, token, onChange }: Props) {
  const { t, lang } = useT();
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string>();
  const requests = overview.dataSubjectRequests ?? [];
  const running = requests.some((r) => r.status === 'PENDING' || r.status === 'RUNNING');
  // Progress: re-read while a request runs.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void onChange(), 1_000);
    return () => clearInterval(timer);
  }, [running, onChange]);
  const ask = async (erase: boolean) => {
    const result = erase ? await request(RequestErasureDocument, { id: customerId }, token) : await request(RequestAccessDocument, { id: customerId }, token);
    setError(result.errors?.[0]?.message);
    setConfirm('');
    await onChange();
  };
  const download = async (id: string) => {
    const result = await request(AccessDocumentDocument, { id }, token);
    if (result.data?.dataSubjectRequest?.accessDocument) downloadJson(`my-data-${id}.json`, result.data.dataSubjectRequest.accessDocument);
    else setError(result.errors?.[0]?.message);
  };
  return (
    <>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <section aria-labelledby="access">
        <h2 id="access">{t.access}</h2>
        <button onClick={() => void ask(false)}>{t.requestAccess}</button>
      </section>
      <section aria-labelledby="erasure">
        <h2 id="erasure">{t.erasure}</h2>
        <p>{t.erasureWarning}</p>
        <label htmlFor="erasure-confirm">{t.erasureConfirmLabel}</label>
        <input id="erasure-confirm" value={confirm} autoComplete="off" onChange={(e) => setConfirm(e.target.value)} />{' '}
        <button disabled={confirm !== t.erasureConfirmWord} onClick={() => void ask(true)}>
          {t.requestErasure}
        </button>
      </section>
      <section aria-labelledby="requests">
        <h2 id="requests">{t.requests}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.purpose}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.progress}</th>
              <th scope="col">
                <span className="skip">{t.downloadCopy}</span>
              </th>
            </tr>
          </thead>
          <tbody aria-live="polite">
            {requests.map((r) => (
              <tr key={r.id} data-request-kind={r.kind} data-request-status={r.status}>
                <td>{new Date(r.requestedAt).toLocaleString(lang)}</td>
                <td>{r.kind === 'ACCESS' ? t.access : t.erasure}</td>
                <td>{r.status}</td>
                <td>
                  {r.parts.filter((p) => p.status === 'DONE').length} / {r.parts.length}
                </td>
                <td>
                  {r.kind === 'ACCESS' && r.status === 'DONE' && (
                    <button data-download-access={r.id} onClick={() => void download(r.id)}>
                      {t.downloadCopy}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
