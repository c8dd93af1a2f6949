import { isUniqueViolation } from '@c360/shared';
import type { NoticeEntity } from './notice.entity';
import type { PurposeEntity } from './purpose.entity';
import { noticeRaced, unknownNoticeVersion, unknownPurpose } from './purpose.errors';
import type { PublishNoticeInput } from './purpose.input';
import type { PurposeRepository } from './purpose.repository';

/** The purpose catalogue and its versioned privacy notices. */
export class PurposeService {
  constructor(private readonly purposes: PurposeRepository) {}

  list(): Promise<PurposeEntity[]> {
    return this.purposes.all();
  }

  /** Appends version n+1; the unique (purpose, version) key turns a concurrent publication into CONFLICT. */
  async publishNotice(input: PublishNoticeInput, now = new Date()): Promise<NoticeEntity> {
    const purpose = await this.purposes.findByCode(input.purposeCode);
    if (!purpose) throw unknownPurpose(input.purposeCode);
    try {
      return await this.purposes.transaction(async (manager) => {
        const latest = await this.purposes.latestNotice(purpose.code, manager);
        return this.purposes.insertNotice(manager, { purposeCode: purpose.code, version: (latest?.version ?? 0) + 1, title: input.title, summary: input.summary, publishedAt: now });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw noticeRaced(purpose.code);
      throw error;
    }
  }

  /** From now on only grants under `version` or later satisfy the purpose; null lifts the requirement. */
  async requireNoticeVersion(code: string, version: number | null): Promise<PurposeEntity> {
    const purpose = await this.purposes.findByCode(code);
    if (!purpose) throw unknownPurpose(code);
    if (version !== null && !(await this.purposes.findNotice(code, version))) throw unknownNoticeVersion(code, version);
    await this.purposes.setRequiredNoticeVersion(code, version);
    return { ...purpose, requiredNoticeVersion: version };
  }
}
