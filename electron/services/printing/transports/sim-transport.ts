/**
 * The in-process `sim` printer: the simulator core on the device end of a
 * memory pipe (`devices/memory-pipe.ts`), the kiosk on the other. Each open
 * is one connection; the simulator's `dropAfterBytes` knob closes the pipe
 * part-way, and replies arrive on a later microtask, as from a device.
 */
import { createMemoryPipe } from '../../devices/memory-pipe';
import type { PrinterSimCore } from '../sim/printer-sim-core';
import { serveSimOn } from '../sim/sim-serve';
import { PrinterLink } from './printer-link';

export class SimTransport extends PrinterLink {
  constructor(readonly core: PrinterSimCore) {
    super('sim', true, async () => {
      const [host, device] = createMemoryPipe(['kiosk', 'printer-sim']);
      serveSimOn(core, device);
      return host;
    });
  }
}
