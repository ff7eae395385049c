/**
 * The vending domain as the composition root sees it: events, contract
 * handlers, the service object, start/stop. It owns its staff side too:
 * maintenance (status in words, ping, SLOT_INFO, motor test, clear faults,
 * vends to resolve, the live frame monitor) and the slot desk (stock,
 * restock, holds). Who may call which is the access table's business
 * (`contract/access.ts`); these handlers run only once the door let the call in.
 */
import type { DomainModule, ServiceContext, ServiceDomain } from '../context';
import { vendingEventSchemas } from './vending-events';
import { VendingServiceImpl, type VendingServiceOptions } from './vending-service';
import { FrameRing } from './frame-ring';
import { startFrameStream } from './frame-stream';
import { SlotDesk } from './slot-desk';
import { describeVending } from './vending-words';

export function createVendingDomain(ctx: ServiceContext, opts: VendingServiceOptions = {}): ServiceDomain {
  const frames = new FrameRing();
  const service = new VendingServiceImpl(ctx, {
    ...opts,
    onFrame: (e) => {
      frames.push(e);
      opts.onFrame?.(e);
    },
  });
  const desk = new SlotDesk(ctx.db, service);
  const stream = startFrameStream(frames, (e) => ctx.push(e));
  const unsubscribe = ctx.events.subscribe((e) => {
    if (e.type === 'vending.slot_changed' || e.type === 'vending.faults_cleared' || e.type === 'vending.restocked') desk.reapplyHolds();
  });
  let stopped = false;
  return {
    name: 'vending',
    service,
    handlers: {
      'vending.status': () => service.status(),
      'vending.slots': () => ({ slots: service.slots() }),
      'vending.giftAvailable': ({ category }) => ({ available: service.giftAvailable(category) }),
      'vending.simFaults': ({ faults }) => ({ faults: service.simFaults(faults) }),

      'vending.staffStatus': () => {
        const status = service.status();
        return { status, words: describeVending(status), toResolve: service.toResolve() };
      },
      'vending.staffPing': async () => {
        const t = performance.now();
        const firmware = await service.controller.ping();
        return { firmware, ms: Math.round((performance.now() - t) * 10) / 10 };
      },
      'vending.staffSlotInfo': async () => {
        await service.monitor.refreshSlots();
        desk.reapplyHolds();
        return { slots: desk.slots() };
      },
      'vending.staffMotorTest': ({ slot }) => service.motorTest(slot, 'staff_motor_test'),
      'vending.staffClearFaults': async () => {
        const s = await service.clearFaults();
        desk.reapplyHolds();
        return { ...s, slots: service.status().slots };
      },
      'vending.staffResolveVend': ({ txn, delivered }) => service.resolveVend(txn, delivered),
      // Reading the frames starts (or renews) the stream of new ones as pushes.
      'vending.staffFrames': ({ afterSeq }) => {
        stream.watch();
        return { frames: frames.since(afterSeq) };
      },
      'vending.staffStock': () => ({ slots: desk.slots() }),
      'vending.staffRestock': ({ slot, count }) => desk.restock(slot, count),
      'vending.staffSetSlotEnabled': ({ slot, enabled }, meta) => ({ slots: desk.setEnabled(slot, enabled, meta.staff?.role ?? 'staff') }),
    },
    async start() {
      await service.start();
      desk.reapplyHolds();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      unsubscribe();
      stream.stop();
      await service.stop();
    },
  };
}

export const vendingDomainModule: DomainModule = {
  eventSchemas: vendingEventSchemas,
  create: (ctx) => createVendingDomain(ctx),
};
