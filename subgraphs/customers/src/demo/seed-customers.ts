import type { DataSource } from 'typeorm';
import { bulkInsert, demoCustomerExternalId, demoCustomerId, demoCustomerSince, demoId, DEMO_WINDOW, Random, seasonalDate, type DemoOptions } from '@c360/shared';
import { SegmentRepository } from '../segment/segment.repository';
import { seedDemoSegments } from './demo-segments';

const GIVEN = ['Anna', 'Ben', 'Chloé', 'David', 'Elif', 'Finn', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kaja', 'Liam', 'Maya', 'Noah', 'Olga', 'Pablo', 'Qin', 'Rosa', 'Sami', 'Tara', 'Umar', 'Vera', 'Wim', 'Yara', 'Zoe'];
const FAMILY = ['Andersen', 'Berg', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Hansen', 'Ivanova', 'Jensen', 'Kowalski', 'Larsen', 'Müller', 'Nowak', 'Olsen', 'Petit', 'Rossi', 'Schmidt', 'Tanaka', 'Virtanen', 'Weber', 'Yilmaz'];
const PLACES = [
  { city: 'Copenhagen', region: 'Hovedstaden', countryCode: 'DK', locale: 'da-DK', prefix: '+45' },
  { city: 'Aarhus', region: 'Midtjylland', countryCode: 'DK', locale: 'da-DK', prefix: '+45' },
  { city: 'Berlin', region: 'Berlin', countryCode: 'DE', locale: 'de-DE', prefix: '+49' },
  { city: 'Hamburg', region: 'Hamburg', countryCode: 'DE', locale: 'de-DE', prefix: '+49' },
  { city: 'Paris', region: 'Île-de-France', countryCode: 'FR', locale: 'fr-FR', prefix: '+33' },
  { city: 'Lyon', region: 'Auvergne-Rhône-Alpes', countryCode: 'FR', locale: 'fr-FR', prefix: '+33' },
  { city: 'Stockholm', region: 'Stockholm', countryCode: 'SE', locale: 'sv-SE', prefix: '+46' },
  { city: 'London', region: 'England', countryCode: 'GB', locale: 'en-GB', prefix: '+44' },
  { city: 'Manchester', region: 'England', countryCode: 'GB', locale: 'en-GB', prefix: '+44' },
  { city: 'Madrid', region: 'Madrid', countryCode: 'ES', locale: 'es-ES', prefix: '+34' },
];
const CHANNELS = ['WEB', 'MOBILE', 'STORE', 'CALL_CENTER', 'EMAIL', 'PARTNER', 'REFERRAL', 'SOCIAL'];
const CHANNEL_WEIGHTS = [35, 20, 20, 4, 6, 5, 6, 4];
const SOURCES: Record<string, string[]> = {
  WEB: ['organic-search', 'paid-search', 'newsletter-signup'],
  MOBILE: ['app-store', 'in-app-signup'],
  STORE: ['store-copenhagen', 'store-berlin', 'store-paris', 'store-london'],
  CALL_CENTER: ['inbound-call'],
  EMAIL: ['lead-campaign-2024'],
  PARTNER: ['partner-nordic-travel', 'partner-green-energy', 'partner-city-bank'],
  REFERRAL: ['member-get-member'],
  SOCIAL: ['instagram', 'tiktok'],
};
const PASSIVE = [
  { type: 'PAGE_VIEW', channel: 'WEB', attributes: (r: Random) => ({ path: r.pick(['/', '/outdoor', '/kitchen', '/sale', '/new']) }) },
  { type: 'SEARCH', channel: 'WEB', attributes: (r: Random) => ({ query: r.pick(['tent', 'kettle', 'headphones', 'yoga mat', 'coffee']) }) },
  { type: 'APP_OPEN', channel: 'MOBILE', attributes: () => ({}) },
  { type: 'EMAIL_OPEN', channel: 'EMAIL', attributes: (r: Random) => ({ campaign: r.pick(['spring', 'summer', 'black-friday']) }) },
  { type: 'STORE_VISIT', channel: 'STORE', attributes: (r: Random) => ({ store: r.pick(['copenhagen', 'berlin', 'paris']) }) },
];
const ACTIVE = [
  { type: 'SURVEY_ANSWER', channel: 'EMAIL', attributes: (r: Random) => ({ question: 'How likely are you to recommend us?', nps: r.int(0, 10) }) },
  { type: 'FEEDBACK', channel: 'WEB', attributes: (r: Random) => ({ rating: r.int(1, 5), topic: r.pick(['delivery', 'product', 'price']) }) },
  { type: 'COMPLAINT', channel: 'CALL_CENTER', attributes: (r: Random) => ({ topic: r.pick(['late delivery', 'damaged item', 'refund']) }) },
  { type: 'PREFERENCE_UPDATE', channel: 'MOBILE', attributes: (r: Random) => ({ interests: [r.pick(['outdoor', 'kitchen', 'books']), r.pick(['sports', 'garden'])] }) },
];

const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** The deterministic demo customers, their web-shop/ERP ids and about five interactions each. */
export async function seedCustomersDemoData(dataSource: DataSource, options: DemoOptions): Promise<boolean> {
  const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM customers.customer');
  if (n > 0) return false;
  const customers: Record<string, unknown>[] = [];
  const identities: Record<string, unknown>[] = [];
  const interactions: Record<string, unknown>[] = [];
  for (let i = 0; i < options.customers; i++) {
    const random = new Random(`${options.seed}:customer:${i}`);
    const id = demoCustomerId(options, i);
    const given = random.pick(GIVEN);
    const family = random.pick(FAMILY);
    const place = random.pick(PLACES);
    const channel = random.weighted(CHANNELS, CHANNEL_WEIGHTS);
    const since = demoCustomerSince(options, i);
    customers.push({
      id,
      display_name: `${given} ${family}`,
      given_name: given,
      family_name: family,
      email: `${ascii(given)}.${ascii(family)}.${i + 1}@example.com`,
      phone: random.chance(0.8) ? `${place.prefix}${random.int(100_000_000, 999_999_999)}` : null,
      birth_date: random.chance(0.85) ? `${random.int(1945, 2006)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}` : null,
      address_line1: `${random.int(1, 240)} ${random.pick(['Main Street', 'Harbour Road', 'Park Avenue', 'Station Way', 'Mill Lane'])}`,
      postal_code: String(random.int(1000, 99999)),
      city: place.city,
      region: place.region,
      country_code: place.countryCode,
      locale: place.locale,
      acquisition_channel: channel,
      acquisition_source: random.pick(SOURCES[channel]),
      created_at: since.toISOString(),
      updated_at: since.toISOString(),
    });
    identities.push({ system: 'webshop', external_id: demoCustomerExternalId(i), customer_id: id });
    if (random.chance(0.6)) identities.push({ system: 'erp', external_id: `ERP-${100000 + i}`, customer_id: id });
    const count = random.int(0, 10);
    for (let k = 0; k < count; k++) {
      const active = random.chance(0.3);
      const template = active ? random.pick(ACTIVE) : random.pick(PASSIVE);
      const from = since > DEMO_WINDOW.from ? since : DEMO_WINDOW.from;
      interactions.push({
        id: demoId(options.seed, `interaction:${i}`, k),
        customer_id: id,
        channel: template.channel,
        kind: active ? 'ACTIVE' : 'PASSIVE',
        type: template.type,
        occurred_at: seasonalDate(random, from).toISOString(),
        attributes: template.attributes(random),
      });
    }
  }
  await dataSource.transaction(async (manager) => {
    await bulkInsert(manager, 'customers.customer', {
      id: 'uuid', display_name: 'text', given_name: 'text', family_name: 'text', email: 'text', phone: 'text', birth_date: 'date',
      address_line1: 'text', postal_code: 'text', city: 'text', region: 'text', country_code: 'text', locale: 'text',
      acquisition_channel: 'text', acquisition_source: 'text', created_at: 'timestamptz', updated_at: 'timestamptz',
    }, customers);
    await bulkInsert(manager, 'customers.external_identity', { system: 'text', external_id: 'text', customer_id: 'uuid' }, identities);
    await bulkInsert(manager, 'customers.interaction', { id: 'uuid', customer_id: 'uuid', channel: 'text', kind: 'text', type: 'text', occurred_at: 'timestamptz', attributes: 'jsonb' }, interactions);
    await seedDemoSegments(manager, new SegmentRepository(dataSource), options);
  });
  return true;
}
