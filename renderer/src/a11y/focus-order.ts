/**
 * Keypad focus order: every visible, enabled control in reading (DOM) order,
 * inside the open modal dialog when there is one. Focus never lands on
 * something hidden: display:none, visibility:hidden, zero-size, inert and
 * aria-hidden parts are skipped.
 */
const CONTROL =
  'button:not([disabled]), a[href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [role="button"][tabindex]:not([tabindex="-1"]), [tabindex]:not([tabindex="-1"])';

/** The topmost open modal dialog, else the document: where keypad focus may go. */
export function focusScope(doc: Document = document): ParentNode {
  const modals = doc.querySelectorAll('[aria-modal="true"]');
  return modals.length ? modals[modals.length - 1] : doc;
}

export function isShown(el: Element): boolean {
  if (el.closest('[inert], [aria-hidden="true"]')) return false;
  const html = el as HTMLElement;
  if (html.getClientRects().length === 0) return false;
  const style = getComputedStyle(html);
  return style.visibility !== 'hidden' && style.display !== 'none';
}

export function focusableControls(scope: ParentNode = focusScope()): HTMLElement[] {
  return Array.from(scope.querySelectorAll<HTMLElement>(CONTROL)).filter(
    (el) => el.getAttribute('aria-disabled') !== 'true' && isShown(el),
  );
}

/**
 * The control after (or before) `from` in reading order, wrapping at the
 * ends. `from` may be a heading or nothing (screen just opened): the next
 * control after it in the document is taken.
 */
export function nextControl(from: Element | null, direction: 1 | -1, scope: ParentNode = focusScope()): HTMLElement | null {
  const controls = focusableControls(scope);
  if (controls.length === 0) return null;
  const index = from ? controls.indexOf(from as HTMLElement) : -1;
  if (index >= 0) return controls[(index + direction + controls.length) % controls.length];
  if (from && from !== from.ownerDocument.body && (scope as Node).contains?.(from)) {
    // Not a control: the first control after it (or the last before it).
    const follows = (c: Element) => Boolean(from.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING);
    const found = direction === 1 ? controls.find(follows) : [...controls].reverse().find((c) => !follows(c));
    if (found) return found;
  }
  return direction === 1 ? controls[0] : controls[controls.length - 1];
}
