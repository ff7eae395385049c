/**
 * A write-only device file (`/dev/usb/lp0`, a USB printer class device) as
 * a `ByteTransport`. It cannot answer: `canRead` is false, so a device on a
 * file can never confirm anything, and its driver must say so.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Listeners, TransportError, type ByteTransport } from './byte-transport';

export async function openDeviceFile(path: string): Promise<ByteTransport> {
  const label = `file:${path}`;
  let fh: FileHandle;
  try {
    // 'a': a regular file in tests grows, a device node takes the bytes as they come.
    fh = await open(path, 'a');
  } catch (err) {
    throw new TransportError(`cannot open ${label}: ${(err as Error).message}`, true, { cause: err, disconnected: true });
  }
  const closed = new Listeners<[Error | undefined]>();
  let gone = false;
  return {
    label,
    canRead: false,
    async write(bytes) {
      if (gone) throw new TransportError(`${label} is closed`, true, { disconnected: true });
      try {
        let done = 0;
        while (done < bytes.length) done += (await fh.write(bytes, done, bytes.length - done)).bytesWritten;
      } catch (err) {
        gone = true;
        await fh.close().catch(() => undefined);
        closed.emit(err as Error);
        throw new TransportError(`write to ${label} failed: ${(err as Error).message}`, false, { cause: err, disconnected: true });
      }
    },
    onData: () => () => {},
    onClose: (l) => closed.add(l),
    async close() {
      if (gone) return;
      gone = true;
      await fh.close();
      closed.emit(undefined);
    },
  };
}
