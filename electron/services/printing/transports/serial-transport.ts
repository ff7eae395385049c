/** A serial printer (RS-232 or a USB-serial adapter), through the devices' one serial opener (8N1, drained writes). */
import { openSerial } from '../../devices/serial-opener';
import { PrinterLink } from './printer-link';

export class SerialTransport extends PrinterLink {
  constructor(path: string, baud: number) {
    super(`serial:${path}?baud=${baud}`, true, () => openSerial({ path, baud }));
  }
}
