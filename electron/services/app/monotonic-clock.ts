/**
 * The clock of durations: milliseconds that only move forward, whatever the
 * wall clock does. An NTP correction or a technician setting the date must
 * neither log staff out early nor keep a session open past its two minutes,
 * so session idle and lifetime limits read this, never `Date.now()`.
 * Values mean nothing as dates; only differences do.
 */
export const monotonicNow = (): number => performance.now();
