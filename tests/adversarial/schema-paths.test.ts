import { buildSchema } from 'graphql';
import { probeOperation } from './probe-operations';
import { describePath, ownedTypes, pathsToCustomerData, privacyFactsFrom } from './schema-paths';

const TINY = buildSchema(`
  directive @personalData(category: String!) on FIELD_DEFINITION
  type Query {
    customer(id: ID!): Customer
    shop(id: ID!): Shop
    receipt(eventId: ID!): String
    version: String
  }
  type Customer { id: ID! email: String @personalData(category: "CONTACT") address: Address orders(first: Int): OrderConnection! }
  type Address { city: String }
  type OrderConnection { edges: [OrderEdge!]! totalCount: Int! }
  type OrderEdge { node: Order! }
  type Order { id: ID! total: Float customer: Customer! shop: Shop }
  type Shop { id: ID! name: String! orders(first: Int): OrderConnection! }
`);

describe('paths to customer data in a schema', () => {
  const facts = privacyFactsFrom([{ subgraph: 's', type: 'Order', field: 'total', category: 'FINANCIAL' }], TINY);

  it('reads personal fields from the data map and from @personalData', () => {
    expect([...facts.personalFields].sort()).toEqual(['Customer.email', 'Order.total']);
  });

  it('owns the customer, what references it and its value objects, but not catalogue types', () => {
    expect([...ownedTypes(TINY, facts)].sort()).toEqual(['Address', 'Customer', 'Order', 'OrderConnection', 'OrderEdge']);
  });

  it('keeps maximal paths only, through connections and entity references, never visiting a type twice nor ending in a catalogue type', () => {
    expect(pathsToCustomerData(TINY, facts, { maxDepth: 4 }).map(describePath).sort()).toEqual([
      'customer.orders.edges.node',
      'receipt',
      'shop.orders.edges.node.customer',
      'version',
    ]);
  });

  it('stops at the depth limit, not counting edges and node', () => {
    expect(pathsToCustomerData(TINY, facts, { maxDepth: 2 }).map(describePath).sort()).toEqual(['customer.orders.edges.node', 'receipt', 'shop.orders.edges.node', 'version']);
  });

  it('selects every leaf along a path and binds owned arguments to variables with an absent twin', () => {
    const [path] = pathsToCustomerData(TINY, facts, { maxDepth: 4 }).filter((p) => describePath(p) === 'shop.orders.edges.node.customer');
    const op = probeOperation(TINY, path, ({ arg }) => (arg.name === 'id' ? { value: 'shop-1' } : arg.name === 'first' ? { value: 5 } : undefined), 7);
    expect(op.query).toBe('query Probe7($v0: ID!, $v1: Int) { shop(id: $v0) { id name orders(first: $v1) { totalCount edges { node { id total customer { id email address { city } } } } } } }');
    expect(op.absentVariables).toBeNull();
    const owned = probeOperation(TINY, [{ typeName: 'Query', fieldName: 'receipt' }], () => ({ value: 'evt-1', owned: { absent: 'evt-missing' } }), 0);
    expect(owned).toMatchObject({ query: 'query Probe0($v0: ID!) { receipt(eventId: $v0) }', variables: { v0: 'evt-1' }, absentVariables: { v0: 'evt-missing' } });
  });
});
