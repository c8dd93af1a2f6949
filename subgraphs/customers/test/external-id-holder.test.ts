import { CallerKind } from '@c360/shared';
import { internalCaller } from '@c360/shared/testing';
import type { CustomerRepository } from '../src/customer/customer.repository';
import { CustomerService } from '../src/customer/customer.service';

/** Loaders answering a fixed holder, recording which lookup was asked. */
const holders = () => {
  const asked: string[] = [];
  const loader = (name: string, holder: string | null) => ({ load: async (key: string) => (asked.push(`${name} ${key}`), holder) });
  return { asked, loaders: { customerIdByExternalId: loader('all', 'survivor'), customerIdByLinkedExternalId: loader('linked', null) } as never };
};

/** The rule on followMerges is the service's (the resolver only passes the caller on). */
describe('who holds an external id (CustomerService.holderOfExternalId)', () => {
  const service = new CustomerService({} as CustomerRepository);

  it('follows merges by default, for any caller', async () => {
    const { asked, loaders } = holders();
    expect(await service.holderOfExternalId(internalCaller({ kind: CallerKind.PARTNER, partnerId: 'p1' }), loaders, 'crm', 'x-1', true)).toBe('survivor');
    expect(asked).toEqual(['all crm\u0000x-1']);
  });

  it('an internal caller may leave out the external ids a merge moved', async () => {
    const { asked, loaders } = holders();
    expect(await service.holderOfExternalId(internalCaller(), loaders, 'oidc', 'sub-1', false)).toBeNull();
    expect(asked).toEqual(['linked oidc\u0000sub-1']);
  });

  it.each([CallerKind.PARTNER, CallerKind.CUSTOMER, CallerKind.ERP_INTEGRATION, CallerKind.BI])('a %s caller is refused FORBIDDEN before anything is loaded', (kind) => {
    const { asked, loaders } = holders();
    expect(() => service.holderOfExternalId(internalCaller({ kind }), loaders, 'oidc', 'sub-1', false)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', argument: 'followMerges' }) }));
    expect(asked).toEqual([]);
  });
});
