/**
 * A visit's request id: the screen makes one per visitor session and sends it
 * with every call that must happen once (a prescription, a check-in), so a tap
 * storm, a resend or a reconnect maps to one result on the service side.
 */
export function newRequestId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
