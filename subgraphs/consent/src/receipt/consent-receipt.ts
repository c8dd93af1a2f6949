import type { PurposeEntity } from '../purpose/purpose.entity';
import { CONSENT_CONTROLLER, NOTICE_BASE_URL, RECEIPT_JURISDICTION, RECEIPT_LANGUAGE, WITHDRAWAL_METHOD } from './receipt-controller';

/** The ledger event a receipt is for. */
export interface ReceiptEvent {
  id: string;
  customerId: string;
  purposeCode: string;
  partnerId: string | null;
  status: string;
  noticeVersion: number | null;
  channel: string;
  clientId: string;
  recordedAt: Date;
  hash: string;
}

/** Kantara purpose categories for our purposes. */
const PURPOSE_CATEGORY: Record<string, string> = {
  SERVICE: 'Contracted Service',
  FRAUD_PREVENTION: 'Protecting Our Interests',
  MARKETING: 'Marketing',
  PERSONALISATION: 'Personalised Experience',
  PROFILING: 'Personalised Experience',
  ANALYTICS: 'Improve Performance',
  PARTNER_SHARING: 'Marketing Third Parties',
};

/** A withdrawal names no notice version, so it points at the purpose's notice history. */
export const noticeUrl = (purposeCode: string, version: number | null) =>
  version === null ? `${NOTICE_BASE_URL}/${purposeCode}` : `${NOTICE_BASE_URL}/${purposeCode}/v${version}`;

/**
 * The consent receipt of one ledger event (Kantara Consent Receipt v1.1 fields, which ISO/IEC TS 27560
 * carries over), derived only from immutable inputs, so the same event always yields the same document.
 */
export function buildConsentReceipt(event: ReceiptEvent, purpose: PurposeEntity, partner: { id: string; name: string } | null): Record<string, unknown> {
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: RECEIPT_JURISDICTION,
    consentTimestamp: Math.floor(event.recordedAt.getTime() / 1000),
    collectionMethod: event.channel,
    collectionClientId: event.clientId,
    consentReceiptID: event.id,
    publicKey: null,
    language: RECEIPT_LANGUAGE,
    piiPrincipalId: event.customerId,
    piiControllers: [CONSENT_CONTROLLER],
    policyUrl: noticeUrl(purpose.code, event.noticeVersion),
    noticeVersion: event.noticeVersion,
    services: [
      {
        service: purpose.name,
        purposes: [
          {
            purpose: purpose.code,
            purposeDescription: purpose.description,
            purposeCategory: [PURPOSE_CATEGORY[purpose.code] ?? purpose.name],
            consentType: 'EXPLICIT',
            piiCategory: [...purpose.dataCategories],
            primaryPurpose: true,
            termination: WITHDRAWAL_METHOD,
            thirdPartyDisclosure: partner !== null,
            ...(partner ? { thirdPartyName: partner.name, thirdPartyId: partner.id } : {}),
          },
        ],
      },
    ],
    sensitive: false,
    spiCat: [],
    status: event.status,
    ledgerHash: event.hash,
  };
}
