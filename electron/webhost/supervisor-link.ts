/**
 * The host's side of the kiosk runtime's IPC channel (present only when the
 * runtime started this host): says "ready" with the URL, turns the runtime's
 * crash reports into staff alerts, and stops the host when the runtime is
 * gone (a host left behind would hold the port and the database).
 */
import type { Services } from '../services/compose';
import { isRuntimeFault, type HostReadyMessage } from '../runtime/runtime-messages';

export function linkToSupervisor(services: Services, url: string, stop: () => void): void {
  if (typeof process.send !== 'function') return;
  process.send({ type: 'itda.ready', url } satisfies HostReadyMessage);
  process.on('message', (msg: unknown) => {
    if (!isRuntimeFault(msg)) return;
    services.logger.warn('the kiosk runtime reports a crash streak', { process: msg.process, streak: msg.streak });
    services.ops?.reportRuntimeFault({ process: msg.process, streak: msg.streak, backoffMs: msg.backoffMs });
  });
  process.on('disconnect', () => {
    services.logger.warn('the kiosk runtime is gone: stopping the host');
    stop();
  });
}
