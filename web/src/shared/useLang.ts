import { useEffect, useMemo, useState } from 'react';
import { browserLang, MESSAGES, type Lang } from './i18n';

export function useLang() {
  const [lang, setLang] = useState<Lang>(browserLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return useMemo(() => ({ lang, t: MESSAGES[lang], setLang }), [lang]);
}
