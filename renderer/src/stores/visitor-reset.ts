/**
 * Privacy by construction: every store that holds something a visitor chose
 * or typed registers its reset here, and `resetVisitorStores()` clears them
 * all when the session ends (idle timeout, home, done) so nothing shows to
 * the next visitor.
 */
const resets = new Set<() => void>();

export function registerVisitorStore(reset: () => void): () => void {
  resets.add(reset);
  return () => resets.delete(reset);
}

export function resetVisitorStores(): void {
  for (const r of resets) r();
}
