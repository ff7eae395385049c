/** The vending domain as the composition root sees it: events, contract handlers, the service object, start/stop. */
import type { DomainModule, ServiceContext, ServiceDomain } from '../context';
import { vendingEventSchemas } from './vending-events';
import { VendingServiceImpl, type VendingServiceOptions } from './vending-service';

export function createVendingDomain(ctx: ServiceContext, opts: VendingServiceOptions = {}): ServiceDomain {
  const service = new VendingServiceImpl(ctx, opts);
  let stopped = false;
  return {
    name: 'vending',
    service,
    handlers: {
      'vending.status': () => service.status(),
      'vending.slots': () => ({ slots: service.slots() }),
      'vending.giftAvailable': ({ category }) => ({ available: service.giftAvailable(category) }),
      'vending.simFaults': ({ faults }) => ({ faults: service.simFaults(faults) }),
    },
    start: () => service.start(),
    async stop() {
      if (stopped) return;
      stopped = true;
      await service.stop();
    },
  };
}

export const vendingDomainModule: DomainModule = {
  eventSchemas: vendingEventSchemas,
  create: (ctx) => createVendingDomain(ctx),
};
