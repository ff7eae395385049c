/**
 * What the speaker says when a control gets focus: its accessible name (as a
 * screen reader computes it, simplified to what the kiosk uses: aria-label,
 * aria-labelledby, then the visible text) and its role and state.
 */
import { translate, type Language } from '../i18n/translate';

export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return label.trim();
  const by = el.getAttribute('aria-labelledby');
  if (by) {
    const text = by
      .split(/\s+/)
      .map((id) => el.ownerDocument.getElementById(id)?.textContent?.trim() ?? '')
      .filter(Boolean)
      .join(' ');
    if (text) return text;
  }
  if (el instanceof HTMLInputElement && el.labels?.length) return el.labels[0].textContent?.trim() ?? '';
  return visibleText(el);
}

/** Text content without aria-hidden parts (icons), whitespace folded. */
function visibleText(el: Element): string {
  let out = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) out += ` ${node.textContent ?? ''}`;
    else if (node instanceof Element && node.getAttribute('aria-hidden') !== 'true') out += ` ${visibleText(node)}`;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The text of the elements `aria-describedby` points at (a toggle's explanation). */
function description(el: Element): string {
  const by = el.getAttribute('aria-describedby');
  if (!by) return '';
  return by
    .split(/\s+/)
    .map((id) => el.ownerDocument.getElementById(id)?.textContent?.trim() ?? '')
    .filter(Boolean)
    .join(' ');
}

/** The focus announcement for `el`, or null when it is not a control (a heading focused on screen change). */
export function describeFocus(el: Element, lang: Language): string | null {
  const base = describeControl(el, lang);
  const desc = base ? description(el) : '';
  return base && desc ? `${base}. ${desc}` : base;
}

function describeControl(el: Element, lang: Language): string | null {
  const tag = el.tagName.toLowerCase();
  const role = el.getAttribute('role');
  const name = accessibleName(el);
  if (tag === 'input' || tag === 'textarea') return translate(lang, 'a11y.focus.field', { name });
  if (tag !== 'button' && role !== 'button' && role !== 'switch') return null;
  const pressed = el.getAttribute('aria-pressed') ?? el.getAttribute('aria-checked');
  if (pressed === 'true' || pressed === 'false') {
    return translate(lang, 'a11y.focus.toggle', { name, state: translate(lang, pressed === 'true' ? 'a11y.state.on' : 'a11y.state.off') });
  }
  const disabled = el.getAttribute('aria-disabled') === 'true' || (el as HTMLButtonElement).disabled === true;
  return translate(lang, disabled ? 'a11y.focus.buttonDisabled' : 'a11y.focus.button', { name });
}
