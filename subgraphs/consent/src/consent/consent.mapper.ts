import type { ConsentEventEntity } from './consent-event.entity';
import type { ConsentChannel, ConsentStatus } from './consent.enums';
import type { ConsentEventType, ConsentType } from './consent.type';

export const toConsentType = (e: ConsentEventEntity): ConsentType => ({
  purposeCode: e.purposeCode,
  partnerId: e.partnerId,
  status: e.status as ConsentStatus,
  noticeVersion: e.noticeVersion,
  channel: e.channel as ConsentChannel,
  updatedAt: e.recordedAt,
  eventId: e.id,
});

export const toConsentEventType = (e: ConsentEventEntity): ConsentEventType => ({
  id: e.id,
  purposeCode: e.purposeCode,
  partnerId: e.partnerId,
  status: e.status as ConsentStatus,
  noticeVersion: e.noticeVersion,
  channel: e.channel as ConsentChannel,
  clientId: e.clientId,
  recordedAt: e.recordedAt,
  customerId: e.customerId,
  hash: e.hash,
  prevHash: e.prevHash,
});
