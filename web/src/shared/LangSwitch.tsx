import { useT, type Lang } from './i18n';

/** A labelled select: keyboard-operable, announces its value. */
export function LangSwitch() {
  const { lang, t, setLang } = useT();
  return (
    <label className="lang">
      <span>{t.language} </span>
      <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        <option value="en" lang="en">
          English
        </option>
        <option value="ko" lang="ko">
          한국어
        </option>
      </select>
    </label>
  );
}
