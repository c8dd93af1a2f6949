import { buildSchema, graphql, type GraphQLSchema } from 'graphql';
import { CallerKind, guardOwnedTypes, RequestAudience, RequestConsentDecisions, type Caller, type ConsentDecider, type SubgraphContext } from '@c360/shared';

// The second wall on its own: resolvers that forget the audience still never hand out a hidden customer's objects.
const SDL = `
  type Customer { id: ID! address: Address }
  type Address { city: String }
  type Order { id: ID! customerId: ID! customer: Customer! }
  type OrderEdge { cursor: String! node: Order! }
  type OrderConnection { edges: [OrderEdge!]! totalCount: Int! }
  type Query {
    order(id: ID!): Order
    orderStrict(id: ID!): Order!
    orders: [Order!]!
    orderPage: OrderConnection!
  }
`;
const VISIBLE = 'c-visible';
const HIDDEN = 'c-hidden';
const orders = [
  { id: 'o1', customerId: VISIBLE, customer: { id: VISIBLE } },
  { id: 'o2', customerId: HIDDEN, customer: { id: HIDDEN } },
];
const owned = { owners: { Customer: (c: Record<string, unknown>) => c.id as string, Order: (o: Record<string, unknown>) => o.customerId as string }, ownedThroughParent: ['Address'] };

function forgetfulSchema(): GraphQLSchema {
  const schema = buildSchema(SDL);
  const fields = schema.getQueryType()!.getFields();
  // Each resolver "forgets" the audience: it returns every customer's rows.
  fields.order.resolve = (_p, args) => orders.find((o) => o.id === args.id) ?? null;
  fields.orderStrict.resolve = async (_p, args) => orders.find((o) => o.id === args.id);
  fields.orders.resolve = () => orders;
  fields.orderPage.resolve = async () => ({ edges: orders.map((node) => ({ cursor: node.id, node })), totalCount: orders.length });
  guardOwnedTypes(schema, owned);
  return schema;
}

const context = (caller: Caller, audience: () => Promise<{ everyone: boolean; customerIds: string[] }>) => ({ caller, audience: new RequestAudience(caller, { audience }) }) as unknown as SubgraphContext;
const partner: Caller = { clientId: 'p', kind: CallerKind.PARTNER, scopes: [], partnerId: 'partner-a' };
const grantedVisibleOnly = async () => ({ everyone: false, customerIds: [VISIBLE] });

describe('guardOwnedTypes (the resolver-level wall behind the SQL)', () => {
  const schema = forgetfulSchema();
  const run = (source: string, ctx: SubgraphContext) => graphql({ schema, source, contextValue: ctx });

  it('omits hidden objects from lists and connections, and nulls a hidden lookup', async () => {
    const r = await run('{ order(id: "o2") { id } orders { id } orderPage { edges { node { id customer { id } } } } }', context(partner, grantedVisibleOnly));
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ order: null, orders: [{ id: 'o1' }], orderPage: { edges: [{ node: { id: 'o1', customer: { id: VISIBLE } } }] } });
  });

  it('answers a non-null lookup of a hidden object with a NOT_FOUND that names nothing', async () => {
    const r = await run('{ orderStrict(id: "o2") { id } }', context(partner, grantedVisibleOnly));
    expect(r.errors!.map((e) => [e.message, e.extensions.code])).toEqual([['Order was not found', 'NOT_FOUND']]);
    expect(JSON.stringify(r)).not.toContain(HIDDEN);
  });

  it('BI sees no rows; staff see every row without asking the consent service', async () => {
    const never = async () => {
      throw new Error('staff and BI audiences are fixed by the token');
    };
    const bi = await run('{ orders { id } }', context({ clientId: 'bi', kind: CallerKind.BI, scopes: [] }, never));
    expect(bi.data).toEqual({ orders: [] });
    const staff = await run('{ orders { id } }', context({ clientId: 'app', kind: CallerKind.INTERNAL_APP, scopes: [] }, never));
    expect(staff.data).toEqual({ orders: [{ id: 'o1' }, { id: 'o2' }] });
  });

  it('fails visibly with DECISION_UNAVAILABLE when the audience cannot be decided', async () => {
    const unreachable: ConsentDecider = {
      decide: async () => {
        throw new Error('consent down');
      },
      audience: async () => {
        throw new Error('consent down');
      },
    };
    const consent = new RequestConsentDecisions(partner, unreachable);
    const r = await run('{ orders { id } }', { caller: partner, audience: new RequestAudience(partner, consent) } as unknown as SubgraphContext);
    expect(r.data).toBeNull();
    expect(r.errors!.map((e) => e.extensions.code)).toEqual(['DECISION_UNAVAILABLE']);
  });

  it('refuses at build time a type declared "owned through its parent" that a non-owned type returns', () => {
    const schema = buildSchema(`type Customer { id: ID! } type Address { city: String } type Query { anyAddress: Address }`);
    expect(() => guardOwnedTypes(schema, { owners: { Customer: (c) => c.id as string }, ownedThroughParent: ['Address'] })).toThrow('Query.anyAddress returns Address');
  });
});
