/** The arguments of `npm run -s token --`, shared by the command and by the README-examples test that reads them. */
export const TOKEN_OPTIONS = {
  kind: { type: 'string' },
  scopes: { type: 'string' },
  purpose: { type: 'string' },
  partner: { type: 'string' },
  customer: { type: 'string' },
  client: { type: 'string' },
  ttl: { type: 'string' },
} as const;
