import { buildSchema, parse, validate } from 'graphql';
import { queryLimitRules } from '../src/query-limits';

const schema = buildSchema(`
  type Customer { id: ID! name: String! friend: Customer }
  type Query { customer: Customer }
`);

const errorsOf = (source: string, maxDepth = 5) => validate(schema, parse(source), queryLimitRules({ maxDepth, maxAliases: 30, maxCost: 1_000 })).map((e) => e.message);

describe('query limit rules', () => {
  it('measures depth through fragments, and refuses one level too deep', () => {
    const query = `{ customer { ...A } } fragment A on Customer { friend { friend { friend { id } } } }`;
    expect(errorsOf(query, 5)).toEqual([]);
    expect(errorsOf(query, 4)).toEqual(['Operation is 5 fields deep; at most 4 are allowed']);
  });

  it('walks each fragment once: a chain where every fragment spreads the next twice is measured, not exploded', () => {
    // Without remembering fragment depths this is 2^40 walks; with it, 40.
    const chain = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Customer { name ${i < 39 ? `friend { ...F${i + 1} } friend { ...F${i + 1} }` : ''} }`).join(' ');
    const messages = errorsOf(`{ customer { ...F0 } } ${chain}`, 100).filter((m) => m.includes('deep'));
    expect(messages).toEqual([]);
    expect(errorsOf(`{ customer { ...F0 } } ${chain}`, 10).filter((m) => m.includes('deep'))).toEqual(['Operation is 41 fields deep; at most 10 are allowed']);
  });
});
