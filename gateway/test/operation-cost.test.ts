import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { operationCost } from '../src/operation-cost';

const schema = buildSchema(`
  interface Node { id: ID! }
  type Order implements Node { id: ID! total: Float! lines: [Line!]! }
  type Line { sku: String! quantity: Int! }
  type OrderEdge { node: Order! }
  type OrderConnection { edges: [OrderEdge!]! totalCount: Int! }
  type Customer implements Node { id: ID! name: String! orders(first: Int = 5): OrderConnection! }
  type CustomerEdge { node: Customer! }
  type CustomerConnection { edges: [CustomerEdge!]! }
  type Query { customers(first: Int): CustomerConnection! node(id: ID!): Node }
  type Mutation { rename(id: ID!, name: String!): Customer }
`);

const costOf = (source: string, variables: Record<string, unknown> = {}) => {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  return operationCost(schema, operation, fragments, variables);
};

describe('operation cost', () => {
  it('counts each field once, and multiplies what a page selects by its size', () => {
    // customers 1 + 10 x (edges 1 + node 1 + id 1 + name 1)
    expect(costOf(`{ customers(first: 10) { edges { node { id name } } } }`)).toBe(41);
  });

  it('takes the page size from a variable, from the argument default, or the platform default', () => {
    const nested = `query($n: Int) { customers(first: 2) { edges { node { orders(first: $n) { edges { node { id } } } } } } }`;
    // per customer: edges 1 + node 1 + orders (1 + n x (edges 1 + node 1 + id 1))
    expect(costOf(nested, { n: 10 })).toBe(1 + 2 * (1 + 1 + 1 + 10 * 3));
    expect(costOf(nested, {})).toBe(1 + 2 * (1 + 1 + 1 + 5 * 3));
    expect(costOf(`{ customers { edges { node { id } } } }`)).toBe(1 + 20 * 3);
  });

  it("counts a variable's declared default when the variable is left out", () => {
    const withDefault = `query($n: Int = 50) { customers(first: $n) { edges { node { id } } } }`;
    expect(costOf(withDefault)).toBe(1 + 50 * 3);
    expect(costOf(withDefault, { n: 2 })).toBe(1 + 2 * 3);
  });

  it('follows named and inline fragments, and interface paths', () => {
    const viaFragments = `{ customers(first: 3) { edges { node { ...Page } } } }
      fragment Page on Customer { name ... on Customer { orders(first: 2) { totalCount } } }`;
    expect(costOf(viaFragments)).toBe(1 + 3 * (1 + 1 + 1 + (1 + 2 * 1)));
    expect(costOf(`{ node(id: "1") { id ... on Order { lines { sku } } } }`)).toBe(1 + 1 + 1 + 1);
  });

  it('counts mutations from the mutation type, and no meta fields', () => {
    expect(costOf(`mutation { rename(id: "1", name: "x") { __typename id name } }`)).toBe(3);
  });

  it('walks each fragment once: a chain where every fragment spreads the next twice stays linear', () => {
    // F0 spreads F1 twice, F1 spreads F2 twice, ...: 2^40 walks without remembering fragments.
    const chain = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Customer { name ${i < 39 ? `...F${i + 1} ...F${i + 1}` : ''} }`).join(' ');
    const cost = costOf(`{ customers(first: 1) { edges { node { ...F0 } } } } ${chain}`);
    // Each F_i costs 1 + 2 x F_(i+1): 2^40 - 1 for F0, counted, not walked.
    expect(cost).toBe(1 + 1 + 1 + (2 ** 40 - 1));
  });

  it('does not loop on a fragment cycle (validation reports it)', () => {
    expect(costOf(`{ customers(first: 1) { edges { node { ...A } } } } fragment A on Customer { id ...A }`)).toBe(1 + 1 + 1 + 1);
  });
});

describe('mutation weights', () => {
  const weighted = buildSchema(`
    type ValueRefresh { id: ID! }
    type Query { ok: Boolean }
    type Mutation { refreshCustomerValues: ValueRefresh! rename(id: ID!): Boolean }
  `);
  const cost = (source: string) => operationCost(weighted, parse(source).definitions[0] as OperationDefinitionNode, []);

  it('charges an expensive mutation its weight, once per alias', () => {
    expect(cost('mutation { refreshCustomerValues { id } }')).toBe(5_001);
    expect(cost(`mutation { ${Array.from({ length: 30 }, (_, i) => `r${i}: refreshCustomerValues { id }`).join(' ')} }`)).toBe(150_030);
  });

  it('leaves ordinary mutations at one per field', () => {
    expect(cost('mutation { rename(id: "1") }')).toBe(1);
  });
});
