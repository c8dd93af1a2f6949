/** The PII controller named on every consent receipt (demo values; one place to configure them). */
export const CONSENT_CONTROLLER = {
  piiController: 'Customer 360 Retail Ltd',
  contact: 'Data Protection Officer',
  address: { streetAddress: '1 Market Square', addressLocality: 'Dublin', postalCode: 'D02 XY45', addressCountry: 'IE' },
  email: 'privacy@customer360.example',
  phone: '+353 1 555 0100',
  piiControllerUrl: 'https://customer360.example',
} as const;

export const RECEIPT_JURISDICTION = 'EU';
export const RECEIPT_LANGUAGE = 'en';
export const NOTICE_BASE_URL = 'https://customer360.example/privacy/notices';
export const WITHDRAWAL_METHOD = 'withdrawConsent mutation or any channel';
