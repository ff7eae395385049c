/**
 * Messages between the kiosk runtime and the web host it supervises, over
 * the Node IPC channel of the host's child process (nothing on the network).
 */

/** Host → runtime: the host listens and serves the kiosk at `url`. */
export interface HostReadyMessage {
  type: 'itda.ready';
  url: string;
}

/** Runtime → host: a supervised process keeps crashing; the host raises a staff alert. */
export interface RuntimeFaultMessage {
  type: 'itda.runtime-fault';
  process: 'browser' | 'host';
  streak: number;
  backoffMs: number;
}

export function isHostMessage(msg: unknown): msg is HostReadyMessage {
  return typeof msg === 'object' && msg !== null && (msg as HostReadyMessage).type === 'itda.ready' && typeof (msg as HostReadyMessage).url === 'string';
}

export function isRuntimeFault(msg: unknown): msg is RuntimeFaultMessage {
  const m = msg as RuntimeFaultMessage;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.type === 'itda.runtime-fault' &&
    (m.process === 'browser' || m.process === 'host') &&
    Number.isInteger(m.streak) &&
    Number.isFinite(m.backoffMs)
  );
}
