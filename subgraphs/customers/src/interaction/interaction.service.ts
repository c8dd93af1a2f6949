import { badInput } from '@c360/shared';
import type { CustomerRepository } from '../customer/customer.repository';
import { customerNotFound } from '../customer/customer.errors';
import type { RecordInteractionInput } from './interaction.input';
import type { InteractionRepository } from './interaction.repository';
import type { InteractionEntity } from './interaction.entity';

const MAX_ATTRIBUTES_BYTES = 16_384;

export class InteractionService {
  constructor(
    private readonly interactions: InteractionRepository,
    private readonly customers: CustomerRepository,
  ) {}

  async record(input: RecordInteractionInput, now = new Date()): Promise<InteractionEntity> {
    const occurredAt = input.occurredAt ?? now;
    if (occurredAt.getTime() > now.getTime() + 5 * 60_000) throw badInput('occurredAt must not be in the future', { field: 'occurredAt' });
    const attributes = input.attributes ?? {};
    if (JSON.stringify(attributes).length > MAX_ATTRIBUTES_BYTES) throw badInput(`attributes must be under ${MAX_ATTRIBUTES_BYTES} bytes of JSON`, { field: 'attributes' });
    const customerId = input.customerId.toLowerCase();
    const [customer] = await this.customers.findByIds([customerId]);
    if (!customer) throw customerNotFound(customerId);
    return this.interactions.insert({ customerId, channel: input.channel, kind: input.kind, type: input.type, occurredAt, attributes });
  }
}
