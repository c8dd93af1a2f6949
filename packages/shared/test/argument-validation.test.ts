import { graphql } from 'graphql';
import { IsEmail, MaxLength } from 'class-validator';
import { Arg, Field, InputType, Int, Query, Resolver } from 'type-graphql';
import { buildFederatedSchema, CallerKind, ResolverContainer, type SubgraphContext } from '@c360/shared';

@InputType('ValidationProbeRuled')
class Ruled {
  @Field()
  @IsEmail()
  email!: string;

  @Field({ nullable: true })
  @MaxLength(5)
  note?: string;
}

@InputType('ValidationProbeChild')
class Child extends Ruled {
  @Field(() => Int, { nullable: true })
  extra?: number;
}

@InputType('ValidationProbeFree')
class Free {
  @Field()
  anything!: string;
}

@Resolver()
class ProbeResolver {
  @Query(() => Int)
  ruled(@Arg('input', () => Ruled) input: Ruled): number {
    return input.email.length;
  }

  @Query(() => Int)
  many(@Arg('inputs', () => [Ruled]) inputs: Ruled[]): number {
    return inputs.length;
  }

  @Query(() => Int)
  child(@Arg('input', () => Child) input: Child): number {
    return input.extra ?? 0;
  }

  @Query(() => Int)
  free(@Arg('inputs', () => [Free]) inputs: Free[]): number {
    return inputs.length;
  }
}

const contextValue = { caller: { clientId: 'probe', kind: CallerKind.INTERNAL_APP, scopes: [], purpose: 'SERVICE' } } as unknown as SubgraphContext;

describe('argument validation', () => {
  const run = async (source: string) => graphql({ schema: await buildFederatedSchema({ resolvers: new ResolverContainer([new ProbeResolver()]) }), source, contextValue });
  const failures = (errors: readonly { extensions: Record<string, unknown> }[] | undefined) =>
    errors?.map((e) => [e.extensions.code, (e.extensions.validationErrors as { property: string; constraints: Record<string, string> }[]).map((v) => [v.property, Object.keys(v.constraints)])]);

  it('still refuses an input that breaks its class rules, with BAD_USER_INPUT and the violated rules', async () => {
    const r = await run('{ ruled(input: { email: "not-an-email", note: "far too long" }) }');
    expect(r.data).toBeNull();
    expect(failures(r.errors)).toEqual([['BAD_USER_INPUT', [['email', ['isEmail']], ['note', ['maxLength']]]]]);
  });

  it('skips missing optional properties, as before', async () => {
    expect((await run('{ ruled(input: { email: "a@example.com" }) }')).data).toEqual({ ruled: 13 });
  });

  it('checks every item of a list and rules a subclass inherits', async () => {
    expect(failures((await run('{ many(inputs: [{ email: "a@example.com" }, { email: "nope" }]) }')).errors)).toEqual([['BAD_USER_INPUT', [['email', ['isEmail']]]]]);
    expect(failures((await run('{ child(input: { email: "nope", extra: 1 }) }')).errors)).toEqual([['BAD_USER_INPUT', [['email', ['isEmail']]]]]);
    expect((await run('{ child(input: { email: "a@example.com", extra: 2 }) }')).data).toEqual({ child: 2 });
  });

  it('lets inputs whose class declares no rule through', async () => {
    expect((await run('{ free(inputs: [{ anything: "x" }, { anything: "y" }]) }')).data).toEqual({ free: 2 });
  });
});
