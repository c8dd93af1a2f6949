import { Arg, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { assertMayReadExactSize, assertUuid, ConnectionType, RequiresScope } from '@c360/shared';
import type { CustomersContext } from '../context';
import { CustomerConnection } from '../customer/customer.resolver';
import { assertMayUseSegments } from '@c360/shared/segments';
import { CreateSegmentInput, UpdateSegmentInput } from './segment.input';
import { toSegmentType } from './segment.mapper';
import { SegmentService } from './segment.service';
import { SegmentType, SegmentVersionType } from './segment.type';
import { readerGate } from './segment-reader-gate';
import type { SegmentRule } from './segment-rule';

@ObjectType()
export class SegmentConnection extends ConnectionType(SegmentType, 'Segment') {}

@Resolver(() => SegmentType)
export class SegmentResolver {
  constructor(private readonly service: SegmentService) {}

  @Query(() => SegmentConnection, { nullable: true, description: 'Segments, oldest first; stale memberships are re-evaluated first' })
  @RequiresScope('customers:read')
  segments(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: CustomersContext,
  ): Promise<SegmentConnection> {
    assertMayUseSegments(ctx.caller);
    return this.service.list(first, after, ctx.caller);
  }

  @Query(() => SegmentType, { nullable: true, description: 'A segment by id; null when there is none' })
  @RequiresScope('customers:read')
  async segment(@Arg('id', () => ID) id: string, @Ctx() ctx: CustomersContext): Promise<SegmentType | null> {
    assertMayUseSegments(ctx.caller);
    const row = await this.service.get(assertUuid(id), ctx.caller);
    return row && toSegmentType(row);
  }

  @Mutation(() => SegmentType, { description: 'Creates a segment (version 1) and evaluates its members' })
  @RequiresScope('customers:write')
  async createSegment(@Arg('input', () => CreateSegmentInput) input: CreateSegmentInput, @Ctx() ctx: CustomersContext): Promise<SegmentType> {
    assertMayUseSegments(ctx.caller);
    return this.loadAfterWrite(await this.service.create(input, ctx.caller));
  }

  @Mutation(() => SegmentType, { description: 'Writes the next version of a segment (the old ones stay readable) and evaluates its members' })
  @RequiresScope('customers:write')
  async updateSegment(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateSegmentInput) input: UpdateSegmentInput, @Ctx() ctx: CustomersContext): Promise<SegmentType> {
    assertMayUseSegments(ctx.caller);
    return this.loadAfterWrite(await this.service.update(assertUuid(id), input, ctx.caller));
  }

  @Mutation(() => SegmentType, { description: "Re-evaluates the current version's members now" })
  @RequiresScope('customers:write')
  async refreshSegment(@Arg('id', () => ID) id: string, @Ctx() ctx: CustomersContext): Promise<SegmentType> {
    assertMayUseSegments(ctx.caller);
    return toSegmentType(await this.service.refresh(assertUuid(id), ctx.caller));
  }

  @FieldResolver(() => [SegmentVersionType], { description: 'Every version, newest first' })
  versions(@Root() segment: SegmentType, @Ctx() ctx: CustomersContext): Promise<SegmentVersionType[]> {
    return ctx.loaders.segmentVersions.load(segment.id);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "Members of the current version (as of evaluatedAt) released to the reader; staff only (FORBIDDEN for others, who read segment sizes through customerCounts(groupBy: SEGMENT)). Null with FORBIDDEN (CATEGORY_NOT_COVERED) when the reader's purpose never releases a category the rule reads; the rest of the segment still answers",
  })
  async memberCount(@Root() segment: SegmentType, @Ctx() ctx: CustomersContext): Promise<number> {
    assertMayReadExactSize(ctx.caller, 'Segment.memberCount');
    return ctx.loaders.segmentMembers(await readerGate(ctx, segment.rule as unknown as SegmentRule)).count.load(segment.id);
  }

  @FieldResolver(() => CustomerConnection, {
    nullable: true,
    description: "Members of the current version released to the reader, in customer order; their fields are consent-checked like any Customer. Null with FORBIDDEN when the reader's purpose never releases a category the rule reads",
  })
  async members(
    @Root() segment: SegmentType,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: CustomersContext,
  ): Promise<CustomerConnection> {
    return ctx.loaders.segmentMembers(await readerGate(ctx, segment.rule as unknown as SegmentRule)).page.load({ parentId: segment.id, first, after });
  }

  private async loadAfterWrite(id: string): Promise<SegmentType> {
    return toSegmentType(await this.service.find(id));
  }
}
