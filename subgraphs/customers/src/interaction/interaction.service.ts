import { badInput, subjectErased, unknownCustomer } from '@c360/shared';
import type { CustomerSubjectDataRepository } from '../subject-data/subject-data.repository';
import type { RecordInteractionInput } from './interaction.input';
import type { InteractionRepository } from './interaction.repository';
import type { InteractionEntity } from './interaction.entity';

const MAX_ATTRIBUTES_BYTES = 16_384;

/** Told after an interaction is committed (segments re-evaluate the customer's memberships); never fails the recording. */
export type InteractionsRecorded = (customerIds: readonly string[]) => Promise<unknown>;

export class InteractionService {
  constructor(
    private readonly interactions: InteractionRepository,
    private readonly subjectData: CustomerSubjectDataRepository,
    private readonly recorded: InteractionsRecorded = async () => undefined,
  ) {}

  /**
   * With `aliases: 'follow'` (callers who see every customer) a retired id lands on its survivor, and
   * an unmerge gives the interaction back; 'refuse' answers it NOT_FOUND like an unknown id.
   */
  async record(input: RecordInteractionInput, now = new Date(), aliases: 'follow' | 'refuse' = 'refuse'): Promise<InteractionEntity> {
    const occurredAt = input.occurredAt ?? now;
    if (occurredAt.getTime() > now.getTime() + 5 * 60_000) throw badInput('occurredAt must not be in the future', { field: 'occurredAt' });
    const attributes = input.attributes ?? {};
    if (JSON.stringify(attributes).length > MAX_ATTRIBUTES_BYTES) throw badInput(`attributes must be under ${MAX_ATTRIBUTES_BYTES} bytes of JSON`, { field: 'attributes' });
    const named = input.customerId.toLowerCase();
    // Tombstone, existence and insert in one transaction under the customer's lock, which erasure takes too.
    const interaction = await this.interactions.transaction(async (manager) => {
      if (await this.subjectData.isErasedWithin(manager, named)) throw subjectErased('customerId');
      if (await this.interactions.customerExists(manager, named)) {
        return this.interactions.insert(manager, { customerId: named, channel: input.channel, kind: input.kind, type: input.type, occurredAt, attributes });
      }
      const alias = aliases === 'follow' ? await this.interactions.aliasOf(manager, named) : null;
      if (!alias || (await this.subjectData.isErasedWithin(manager, alias.survivorId)) || !(await this.interactions.customerExists(manager, alias.survivorId))) throw unknownCustomer('customerId');
      const row = await this.interactions.insert(manager, { customerId: alias.survivorId, channel: input.channel, kind: input.kind, type: input.type, occurredAt, attributes });
      await this.interactions.recordedThroughAlias(manager, { mergeId: alias.mergeId, rowId: row.id, aliasId: named, survivorId: alias.survivorId });
      return row;
    });
    // Awaited: when the mutation answers, the customer's memberships already reflect the interaction.
    await this.recorded([interaction.customerId]).catch((error: Error) => process.stderr.write(`[customers] memberships not followed: ${error.message}
`));
    return interaction;
  }
}
