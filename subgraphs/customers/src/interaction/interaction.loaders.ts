import { TIME_ID_CURSOR, createChildPageLoader } from '@c360/shared';
import type { InteractionEntity } from './interaction.entity';
import type { InteractionChannel, InteractionKind } from './interaction.enums';
import type { InteractionRepository } from './interaction.repository';
import type { InteractionType } from './interaction.type';

export const toInteractionType = (e: InteractionEntity): InteractionType => ({
  id: e.id,
  channel: e.channel as InteractionChannel,
  kind: e.kind as InteractionKind,
  type: e.type,
  occurredAt: e.occurredAt,
  attributes: e.attributes,
});

export function createInteractionLoaders(interactions: InteractionRepository) {
  return {
    timelinePage: createChildPageLoader<InteractionEntity, InteractionType>({
      fetch: (customerIds, size, after) => interactions.timelines(customerIds, size, after),
      parentOf: (row) => row.customerId,
      cursorKeyOf: (row) => [row.occurredAt.toISOString(), row.id],
      cursorShape: TIME_ID_CURSOR,
      cursorList: 'Customer.interactions',
      toNode: toInteractionType,
    }),
  };
}

export type InteractionLoaders = ReturnType<typeof createInteractionLoaders>;
