import type { EntityManager } from 'typeorm';
import { demoId, type DemoOptions } from '@c360/shared';
import { SegmentRepository } from '../segment/segment.repository';
import { parseSegmentRule, type SegmentRuleData } from '../segment/segment-rule';

const when = (field: string, operator: string, values: string[], extra: { withinDays?: number } = {}): SegmentRuleData => ({ condition: { field, operator, values, ...extra } });

/** A few named segments across all three owners of conditions; never evaluated here (no peers while seeding), so the first read evaluates them. */
const DEMO_SEGMENTS: { name: string; description: string; purpose: string; rule: SegmentRuleData }[] = [
  {
    name: 'Nordic web signups',
    description: 'Customers in Denmark or Sweden who signed up on the web',
    purpose: 'SERVICE',
    rule: { all: [when('COUNTRY', 'IN', ['DK', 'SE']), when('ACQUISITION_CHANNEL', 'EQ', ['WEB'])] },
  },
  {
    name: 'Loyal outdoor fans',
    description: 'Champions and loyal customers who bought outdoor gear this year',
    purpose: 'PROFILING',
    rule: { all: [when('RFM_SEGMENT', 'IN', ['CHAMPIONS', 'LOYAL']), when('PURCHASED_CATEGORY', 'EQ', ['Outdoor'], { withinDays: 365 })] },
  },
  {
    name: 'Win-back by email',
    description: 'At-risk or lapsed customers who accept marketing and have not been in touch for 60 days',
    purpose: 'PROFILING',
    rule: {
      all: [when('LIFECYCLE_STAGE', 'IN', ['AT_RISK', 'LAPSED']), when('CONSENT_GRANTED', 'EQ', ['MARKETING']), { not: when('INTERACTION_COUNT', 'GT', ['0'], { withinDays: 60 }) }],
    },
  },
];

export async function seedDemoSegments(manager: EntityManager, segments: SegmentRepository, options: DemoOptions, now = new Date()): Promise<void> {
  for (const [i, segment] of DEMO_SEGMENTS.entries()) {
    await segments.insert(manager, demoId(options.seed, 'segment', i), { name: segment.name, description: segment.description, rule: parseSegmentRule(segment.rule), purpose: segment.purpose, createdBy: 'demo-seed' }, now);
  }
}
