import DataLoader from 'dataloader';
import type { NoticeEntity } from './notice.entity';
import type { PurposeEntity } from './purpose.entity';
import type { PurposeRepository } from './purpose.repository';

/** Per-request loaders: one SQL statement per batch, results in key order. */
export function createPurposeLoaders(purposes: PurposeRepository) {
  return {
    purposeByCode: new DataLoader<string, PurposeEntity | null>(async (codes) => {
      const byCode = new Map((await purposes.findByCodes(codes)).map((p) => [p.code, p]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
    /** Newest version first, so the current notice is the head of the list. */
    noticesByPurpose: new DataLoader<string, NoticeEntity[]>(async (codes) => {
      const grouped = new Map<string, NoticeEntity[]>(codes.map((code) => [code, []]));
      for (const notice of await purposes.noticesOf(codes)) grouped.get(notice.purposeCode)?.push(notice);
      return codes.map((code) => grouped.get(code) ?? []);
    }),
  };
}

export type PurposeLoaders = ReturnType<typeof createPurposeLoaders>;
