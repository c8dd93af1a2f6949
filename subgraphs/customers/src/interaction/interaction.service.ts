import { badInput, subjectErased, unknownCustomer } from '@c360/shared';
import type { CustomerSubjectDataRepository } from '../subject-data/subject-data.repository';
import type { RecordInteractionInput } from './interaction.input';
import type { InteractionRepository } from './interaction.repository';
import type { InteractionEntity } from './interaction.entity';

const MAX_ATTRIBUTES_BYTES = 16_384;

export class InteractionService {
  constructor(
    private readonly interactions: InteractionRepository,
    private readonly subjectData: CustomerSubjectDataRepository,
  ) {}

  async record(input: RecordInteractionInput, now = new Date()): Promise<InteractionEntity> {
    const occurredAt = input.occurredAt ?? now;
    if (occurredAt.getTime() > now.getTime() + 5 * 60_000) throw badInput('occurredAt must not be in the future', { field: 'occurredAt' });
    const attributes = input.attributes ?? {};
    if (JSON.stringify(attributes).length > MAX_ATTRIBUTES_BYTES) throw badInput(`attributes must be under ${MAX_ATTRIBUTES_BYTES} bytes of JSON`, { field: 'attributes' });
    const customerId = input.customerId.toLowerCase();
    // Tombstone, existence and insert in one transaction under the customer's lock, which erasure takes too.
    return this.interactions.transaction(async (manager) => {
      if (await this.subjectData.isErasedWithin(manager, customerId)) throw subjectErased('customerId');
      if (!(await this.interactions.customerExists(manager, customerId))) throw unknownCustomer('customerId');
      return this.interactions.insert(manager, { customerId, channel: input.channel, kind: input.kind, type: input.type, occurredAt, attributes });
    });
  }
}
