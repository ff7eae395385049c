/**
 * Privacy by construction: every store that holds something a visitor chose
 * or typed registers its reset here.
 *
 * - `flow` stores hold one flow's progress (the symptom picked): cleared when
 *   the visitor goes Home, and when the session ends.
 * - `session` stores hold what lasts the whole visit (language, the one
 *   prescription of this session): cleared only when the session ends (idle
 *   timeout, done), so nothing shows to the next visitor.
 */
const flowResets = new Set<() => void>();
const sessionResets = new Set<() => void>();

export function registerVisitorStore(reset: () => void, scope: 'flow' | 'session' = 'session'): () => void {
  const set = scope === 'flow' ? flowResets : sessionResets;
  set.add(reset);
  return () => set.delete(reset);
}

/** Home: the current flow starts over; the session (language, one-per-visit limits) stays. */
export function resetFlowStores(): void {
  for (const r of flowResets) r();
}

/** End of the visit: everything. */
export function resetVisitorStores(): void {
  resetFlowStores();
  for (const r of sessionResets) r();
}
