/**
 * The text a visitor sees on the screen now, outside buttons (button labels
 * are read as the finger looks for them, not as prose): the open modal
 * dialog if there is one, else the screen's <main>. One string per block
 * (heading, paragraph, list item, ticket row), hidden and aria-hidden text
 * left out. Used by the wording check and the bench's reading estimate, so
 * both count the same thing. The top bar and the crisis-line footer are the
 * same on every screen and read once, so they are not part of a screen.
 */
import type { Page } from 'playwright-core';

// page.evaluate callbacks run in the browser; this file is type-checked without the DOM lib (tsconfig.node.json).
declare const document: any;
declare const NodeFilter: any;
declare function getComputedStyle(el: any): any;

export async function visibleTextBlocks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const modals = Array.from<any>(document.querySelectorAll('[aria-modal="true"]'));
    const root = modals.length ? modals[modals.length - 1] : document.querySelector('main');
    if (!root) return [];
    const blocks = new Map<any, string>();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !(node.textContent ?? '').trim()) continue;
      if (el.closest('button, [aria-hidden="true"], .visually-hidden, script, style')) continue;
      if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      // The nearest block box groups inline pieces ("☎ 109" spans) into one line of text.
      let block = el;
      while (block !== root && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
      blocks.set(block, `${blocks.get(block) ?? ''}${node.textContent}`);
    }
    return Array.from(blocks.values()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  });
}
