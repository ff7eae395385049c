/**
 * Two connected in-memory ends, for a simulator in the same process (the
 * `sim` device) and for tests. Bytes are delivered on a microtask, so each
 * side sees the other's writes asynchronously, as on a real line, and fake
 * timers need not be advanced for delivery. Closing either end closes both.
 */
import { Listeners, TransportError, type ByteTransport } from './byte-transport';

export function createMemoryPipe(names: [string, string] = ['host', 'device']): [ByteTransport, ByteTransport] {
  type End = { data: Listeners<[Uint8Array]>; close: Listeners<[Error | undefined]> };
  const ends: [End, End] = [
    { data: new Listeners(), close: new Listeners() },
    { data: new Listeners(), close: new Listeners() },
  ];
  let open = true;
  const make = (other: End, self: End, name: string): ByteTransport => ({
    label: `memory:${name}`,
    canRead: true,
    write(bytes) {
      if (!open) return Promise.reject(new TransportError(`memory:${name} is closed`, true, { disconnected: true }));
      const copy = Uint8Array.from(bytes);
      return Promise.resolve().then(() => {
        if (open) other.data.emit(copy);
      });
    },
    onData: (l) => self.data.add(l),
    onClose: (l) => self.close.add(l),
    async close() {
      if (!open) return;
      open = false;
      ends[0].close.emit(undefined);
      ends[1].close.emit(undefined);
    },
  });
  return [make(ends[1], ends[0], names[0]), make(ends[0], ends[1], names[1])];
}
