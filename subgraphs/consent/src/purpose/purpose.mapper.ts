import type { NoticeEntity } from './notice.entity';
import type { NoticeType } from './notice.type';
import type { PurposeEntity } from './purpose.entity';
import { LegalBasis } from './purpose.enums';
import type { PurposeType } from './purpose.type';

export const toPurposeType = (e: PurposeEntity): PurposeType => ({
  code: e.code,
  name: e.name,
  description: e.description,
  legalBasis: e.legalBasis as LegalBasis,
  requiresConsent: e.legalBasis === LegalBasis.CONSENT,
  partnerScoped: e.partnerScoped,
  requiredNoticeVersion: e.requiredNoticeVersion,
  dataCategories: [...e.dataCategories],
});

export const toNoticeType = (e: NoticeEntity): NoticeType => ({
  id: e.id,
  purposeCode: e.purposeCode,
  version: e.version,
  title: e.title,
  summary: e.summary,
  publishedAt: e.publishedAt,
});
