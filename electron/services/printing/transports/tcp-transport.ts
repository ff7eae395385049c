/** Raw TCP (port 9100) to a network printer, through the devices' TCP opener. A dropped connection is opened anew on the next use. */
import { openTcp } from '../../devices/tcp-opener';
import { PrinterLink } from './printer-link';

export class TcpTransport extends PrinterLink {
  constructor(host: string, port: number, connectTimeoutMs = 3000) {
    super(`tcp://${host.includes(':') ? `[${host}]` : host}:${port}`, true, () => openTcp({ host, port, connectTimeoutMs }));
  }
}
