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

  async record(input: RecordInteractionInput, now = new Date()): Promise<InteractionEntity> {
    const occurredAt = input.occurredAt ?? now;
    if (occurredAt.getTime() > now.getTime() + 5 * 60_000) throw badInput('occurredAt must not be in the future', { field: 'occurredAt' });
    const attributes = input.attributes ?? {};
    if (JSON.stringify(attributes).length > MAX_ATTRIBUTES_BYTES) throw badInput(`attributes must be under ${MAX_ATTRIBUTES_BYTES} bytes of JSON`, { field: 'attributes' });
    const customerId = input.customerId.toLowerCase();
    // Tombstone, existence and insert in one transaction under the customer's lock, which erasure takes too.
    const interaction = await this.interactions.transaction(async (manager) => {
      if (await this.subjectData.isErasedWithin(manager, customerId)) throw subjectErased('customerId');
      if (!(await this.interactions.customerExists(manager, customerId))) throw unknownCustomer('customerId');
      return this.interactions.insert(manager, { customerId, channel: input.channel, kind: input.kind, type: input.type, occurredAt, attributes });
    });
    // Awaited: when the mutation answers, the customer's memberships already reflect the interaction.
    await this.recorded([customerId]).catch((error: Error) => process.stderr.write(`[customers] memberships not followed: ${error.message}
`));
    return interaction;
  }
}
