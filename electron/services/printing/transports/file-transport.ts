/**
 * A USB printer's device file (`/dev/usb/lp0`), through the devices' file
 * opener. Write-only: status replies are not read back, so a job counts as
 * printed (unconfirmed) when the kernel took every byte, and status stays "unknown".
 */
import { openDeviceFile } from '../../devices/file-opener';
import { PrinterLink } from './printer-link';

export class FileTransport extends PrinterLink {
  constructor(path: string) {
    super(`file:${path}`, false, () => openDeviceFile(path));
  }
}
