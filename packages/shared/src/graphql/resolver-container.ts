import type { ContainerType, ResolverData } from 'type-graphql';

/**
 * Hands type-graphql the resolver instances an app wired by hand (with their services),
 * instead of letting it construct them. Keeps wiring explicit and per data source.
 */
export class ResolverContainer implements ContainerType {
  private readonly instances = new Map<Function, object>(); // eslint-disable-line @typescript-eslint/no-unsafe-function-type

  constructor(resolvers: object[]) {
    for (const resolver of resolvers) this.instances.set(resolver.constructor, resolver);
  }

  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  get(someClass: Function, _data: ResolverData<object>): object {
    const instance = this.instances.get(someClass);
    if (!instance) throw new Error(`No instance wired for resolver ${someClass.name}`);
    return instance;
  }

  /** The resolver classes, for buildSchema's `resolvers` option. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  classes(): [Function, ...Function[]] {
    return [...this.instances.keys()] as [Function, ...Function[]]; // eslint-disable-line @typescript-eslint/no-unsafe-function-type
  }
}
