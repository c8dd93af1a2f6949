import { DEMO_PARTNERS, demoId, type DemoOptions } from '@c360/shared';

const CATALOGUE_SINCE = '2021-11-01T00:00:00.000Z';

const PARTNER_DESCRIPTIONS: Record<string, string> = {
  'partner-nordic-travel': 'Travel club offering holiday and flight deals to members',
  'partner-green-energy': 'Renewable electricity co-operative with member discounts',
  'partner-city-bank': 'Bank loyalty programme converting purchases into reward points',
};

/** The CONSENT purposes of the baseline catalogue (installed by migration), which get demo notices. */
const CONSENT_PURPOSES = ['MARKETING', 'PERSONALISATION', 'PROFILING', 'ANALYTICS', 'PARTNER_SHARING'];

/** v1 for every CONSENT purpose before any demo decision; MARKETING got a v2 (SMS added) mid-window. */
const NOTICE_PLAN = [
  ...CONSENT_PURPOSES.map((purposeCode) => ({ purposeCode, version: 1, publishedAt: '2021-12-01T00:00:00.000Z' })),
  { purposeCode: 'MARKETING', version: 2, publishedAt: '2025-05-01T00:00:00.000Z' },
];

/** A purpose as the catalogue holds it: the notice texts are written from it. */
export interface CataloguePurpose {
  code: string;
  name: string;
  description: string;
}

/** MARKETING's v2 added SMS, so grants under v1 no longer cover it. */
export const DEMO_REQUIRED_NOTICE_VERSIONS: Record<string, number> = { MARKETING: 2 };

/** When the demo notice version for a purpose took effect, newest first. */
export const demoNoticeVersions = (purposeCode: string) =>
  NOTICE_PLAN.filter((n) => n.purposeCode === purposeCode)
    .map((n) => ({ version: n.version, from: new Date(n.publishedAt) }))
    .sort((a, b) => b.version - a.version);

/** Rows (column names as keys) for the demo notices of the catalogue's purposes, and the demo partners. */
export function demoCatalogue(options: Pick<DemoOptions, 'seed'>, purposes: readonly CataloguePurpose[]) {
  const byCode = new Map(purposes.map((p) => [p.code, p]));
  return {
    notices: NOTICE_PLAN.filter((n) => byCode.has(n.purposeCode)).map((n) => {
      const purpose = byCode.get(n.purposeCode)!;
      const sms = n.purposeCode === 'MARKETING' && n.version === 2;
      return {
        id: demoId(options.seed, `notice:${n.purposeCode}`, n.version),
        purpose_code: n.purposeCode,
        version: n.version,
        title: sms ? `${purpose.name}: now including SMS` : `${purpose.name}: how we use your data`,
        summary: sms
          ? 'Offers and news by email, post and now SMS. You can withdraw this consent at any time, as easily as you gave it.'
          : `${purpose.description}. You can withdraw this consent at any time, as easily as you gave it.`,
        published_at: n.publishedAt,
      };
    }),
    partners: DEMO_PARTNERS.map((p) => ({ id: p.id, name: p.name, description: PARTNER_DESCRIPTIONS[p.id] ?? null, active: true, created_at: CATALOGUE_SINCE })),
  };
}
