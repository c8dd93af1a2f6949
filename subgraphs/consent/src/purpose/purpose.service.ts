import { isUniqueViolation, PersonalDataCategory } from '@c360/shared';
import type { NoticeEntity } from './notice.entity';
import type { PurposeEntity } from './purpose.entity';
import { LegalBasis } from './purpose.enums';
import { noticeRaced, partnerScopeNeedsConsent, purposeExists, unknownDataCategory, unknownNoticeVersion, unknownPurpose } from './purpose.errors';
import type { DefinePurposeInput, PublishNoticeInput } from './purpose.input';
import type { PurposeRepository } from './purpose.repository';

/** The purpose catalogue and its versioned privacy notices. */
export class PurposeService {
  constructor(private readonly purposes: PurposeRepository) {}

  list(): Promise<PurposeEntity[]> {
    return this.purposes.all();
  }

  /**
   * Adds a purpose. Its legal basis and categories never change afterwards (grants and receipts
   * were given for them): a different processing is a new purpose. A CONSENT purpose can be
   * granted once its first notice is published.
   */
  async define(input: DefinePurposeInput, now = new Date()): Promise<PurposeEntity> {
    const known = new Set<string>(Object.values(PersonalDataCategory));
    const unknown = input.dataCategories.find((c) => !known.has(c));
    if (unknown !== undefined) throw unknownDataCategory();
    if (input.partnerScoped && input.legalBasis !== LegalBasis.CONSENT) throw partnerScopeNeedsConsent();
    const purpose: PurposeEntity = {
      code: input.code,
      name: input.name.trim(),
      description: input.description.trim(),
      legalBasis: input.legalBasis,
      partnerScoped: input.partnerScoped,
      requiredNoticeVersion: null,
      dataCategories: [...input.dataCategories],
      createdAt: now,
    };
    try {
      await this.purposes.insert(purpose);
    } catch (error) {
      if (isUniqueViolation(error)) throw purposeExists();
      throw error;
    }
    return purpose;
  }

  /** Appends version n+1; the unique (purpose, version) key turns a concurrent publication into CONFLICT. */
  async publishNotice(input: PublishNoticeInput, now = new Date()): Promise<NoticeEntity> {
    const purpose = await this.purposes.findByCode(input.purposeCode);
    if (!purpose) throw unknownPurpose();
    try {
      return await this.purposes.transaction(async (manager) => {
        const latest = await this.purposes.latestNotice(purpose.code, manager);
        return this.purposes.insertNotice(manager, { purposeCode: purpose.code, version: (latest?.version ?? 0) + 1, title: input.title, summary: input.summary, publishedAt: now });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw noticeRaced();
      throw error;
    }
  }

  /** From now on only grants under `version` or later satisfy the purpose; null lifts the requirement. */
  async requireNoticeVersion(code: string, version: number | null): Promise<PurposeEntity> {
    const purpose = await this.purposes.findByCode(code);
    if (!purpose) throw unknownPurpose();
    if (version !== null && !(await this.purposes.findNotice(code, version))) throw unknownNoticeVersion();
    await this.purposes.setRequiredNoticeVersion(code, version);
    return { ...purpose, requiredNoticeVersion: version };
  }
}
