import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('SegmentSizePoint', { description: "A segment's size as recorded when its members were evaluated" })
export class SegmentSizePointType {
  @Field({ description: 'When the members were evaluated' })
  at: Date;

  @Field(() => Int, { description: 'The version evaluated' })
  version: number;

  @Field(() => Int, { description: 'Members at that evaluation' })
  memberCount: number;
}

@ObjectType('SegmentSizeHistory', { description: "A segment's recorded sizes, oldest first, as far as the reader may read them" })
export class SegmentSizeHistoryType {
  @Field(() => [SegmentSizePointType], { description: 'The released points, oldest first' })
  points: SegmentSizePointType[];

  @Field(() => [Int], {
    description:
      'Versions whose points in this window were left out: the reader may not read a condition of theirs, or may count only some of their members and reads for another purpose than they were evaluated for',
  })
  withheldVersions: number[];
}
