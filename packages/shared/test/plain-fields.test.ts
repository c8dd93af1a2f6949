import { graphql } from 'graphql';
import { Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { buildFederatedSchema, CallerKind, RequiresScope, ResolverContainer, type SubgraphContext } from '@c360/shared';

// Plain property fields are read directly; anything type-graphql gives real work (scopes, field resolvers, renames) keeps it.
@ObjectType('PlainFieldsProbe')
class Probe {
  @Field(() => ID)
  id!: string;

  @Field()
  label!: string;

  @Field({ name: 'shownAs' })
  storedAs!: string;

  @RequiresScope('probe:secret')
  @Field(() => String, { nullable: true })
  secret!: string | null;

  get upperLabel(): string {
    return this.label.toUpperCase();
  }
}

@Resolver(() => Probe)
class ProbeResolver {
  @Query(() => Probe)
  probe(): Probe {
    return Object.assign(new Probe(), { id: 'p1', label: 'plain', storedAs: 'renamed', secret: 's3cret' });
  }

  @FieldResolver(() => String)
  label(@Root() probe: Probe): string {
    return `resolved ${probe.label}`;
  }

  @FieldResolver(() => String)
  upper(@Root() probe: Probe): string {
    return probe.upperLabel;
  }
}

const context = (scopes: string[]) => ({ caller: { clientId: 'probe-app', kind: CallerKind.INTERNAL_APP, scopes, purpose: 'SERVICE' } }) as unknown as SubgraphContext;

describe('plain property fields', () => {
  it('answer exactly as before, while scoped fields, field resolvers and renamed fields keep their behaviour', async () => {
    const schema = await buildFederatedSchema({ resolvers: new ResolverContainer([new ProbeResolver()]) });
    const source = '{ probe { id label shownAs upper secret } }';

    const withoutScope = await graphql({ schema, source, contextValue: context([]) });
    expect(withoutScope.data).toEqual({ probe: { id: 'p1', label: 'resolved plain', shownAs: 'renamed', upper: 'PLAIN', secret: null } });
    expect(withoutScope.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);

    const withScope = await graphql({ schema, source, contextValue: context(['probe:secret']) });
    expect(withScope.errors).toBeUndefined();
    expect(withScope.data).toEqual({ probe: { id: 'p1', label: 'resolved plain', shownAs: 'renamed', upper: 'PLAIN', secret: 's3cret' } });
  });

  it('are read without type-graphql’s middleware runner, and only they are', async () => {
    const schema = await buildFederatedSchema({ resolvers: new ResolverContainer([new ProbeResolver()]) });
    const fields = schema.getType('PlainFieldsProbe')!.toConfig() as { fields: Record<string, { resolve?: { length: number } }> };
    // A direct read takes the parent alone; type-graphql's resolvers take (root, args, context, info).
    expect(fields.fields.id.resolve?.length).toBe(1);
    expect(fields.fields.secret.resolve?.length).toBe(4);
    expect(fields.fields.label.resolve?.length).toBe(4);
    expect(fields.fields.shownAs.resolve?.length).toBe(4);
  });
});
