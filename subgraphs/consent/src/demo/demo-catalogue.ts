import { DEMO_PARTNERS, DEMO_PURPOSES, demoId, type DemoOptions } from '@c360/shared';

const CATALOGUE_SINCE = '2021-11-01T00:00:00.000Z';

const PURPOSE_NAMES: Record<string, string> = {
  SERVICE: 'Service delivery',
  FRAUD_PREVENTION: 'Fraud prevention',
  MARKETING: 'Marketing communications',
  PERSONALISATION: 'Personalisation',
  PROFILING: 'Profiling',
  ANALYTICS: 'Analytics',
  PARTNER_SHARING: 'Sharing with partners',
};

const PARTNER_DESCRIPTIONS: Record<string, string> = {
  'partner-nordic-travel': 'Travel club offering holiday and flight deals to members',
  'partner-green-energy': 'Renewable electricity co-operative with member discounts',
  'partner-city-bank': 'Bank loyalty programme converting purchases into reward points',
};

/** v1 for every CONSENT purpose before any demo decision; MARKETING got a v2 (SMS added) mid-window. */
const NOTICES = [
  ...DEMO_PURPOSES.filter((p) => p.legalBasis === 'CONSENT').map((p) => ({
    purposeCode: p.code,
    version: 1,
    title: `${PURPOSE_NAMES[p.code]}: how we use your data`,
    summary: `${p.description}. You can withdraw this consent at any time, as easily as you gave it.`,
    publishedAt: '2021-12-01T00:00:00.000Z',
  })),
  {
    purposeCode: 'MARKETING',
    version: 2,
    title: `${PURPOSE_NAMES.MARKETING}: now including SMS`,
    summary: 'Offers and news by email, post and now SMS. You can withdraw this consent at any time, as easily as you gave it.',
    publishedAt: '2025-05-01T00:00:00.000Z',
  },
];

/** MARKETING's v2 added SMS, so grants under v1 no longer cover it. */
export const DEMO_REQUIRED_NOTICE_VERSIONS: Record<string, number> = { MARKETING: 2 };

/** When the demo notice version for a purpose took effect, newest first. */
export const demoNoticeVersions = (purposeCode: string) =>
  NOTICES.filter((n) => n.purposeCode === purposeCode)
    .map((n) => ({ version: n.version, from: new Date(n.publishedAt) }))
    .sort((a, b) => b.version - a.version);

/** Rows (column names as keys) for the purpose catalogue, its notices and the partners. */
export function demoCatalogue(options: Pick<DemoOptions, 'seed'>) {
  return {
    purposes: DEMO_PURPOSES.map((p) => ({
      code: p.code,
      name: PURPOSE_NAMES[p.code] ?? p.code,
      description: p.description,
      legal_basis: p.legalBasis,
      partner_scoped: p.code === 'PARTNER_SHARING',
      created_at: CATALOGUE_SINCE,
    })),
    notices: NOTICES.map((n) => ({
      id: demoId(options.seed, `notice:${n.purposeCode}`, n.version),
      purpose_code: n.purposeCode,
      version: n.version,
      title: n.title,
      summary: n.summary,
      published_at: n.publishedAt,
    })),
    partners: DEMO_PARTNERS.map((p) => ({ id: p.id, name: p.name, description: PARTNER_DESCRIPTIONS[p.id] ?? null, active: true, created_at: CATALOGUE_SINCE })),
  };
}
