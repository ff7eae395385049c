/**
 * The mark on a slip the kiosk prints a second time because it cannot know
 * whether the first came out (the printer never acknowledged it). A visitor
 * who ends up with two slips, or staff who find one in the tray, can tell
 * the second from the first: never two full slips silently.
 */
import type { SlipBlock, SlipDocument } from './slip-document';

export const REPRINT_MARK = '재발행 / REPRINT';
export const REPRINT_NOTE = '앞선 인쇄가 끝났는지 알 수 없어 한 번 더 인쇄했습니다 / Printed again: the first print may not have finished';

/** The same slip with the reprint mark at the top; a document already marked is returned as is. */
export function markReprint(doc: SlipDocument): SlipDocument {
  const first = doc.blocks[0];
  if (first?.type === 'text' && first.text === REPRINT_MARK) return doc;
  const mark: SlipBlock[] = [
    { type: 'text', text: REPRINT_MARK, align: 'center', bold: true, size: 'large' },
    { type: 'text', text: REPRINT_NOTE, align: 'center', bold: false, size: 'small' },
    { type: 'rule', style: 'dashed' },
  ];
  // The schema's 200-block cap holds: drop nothing the visitor needs, only trailing feeds if it must.
  const blocks = [...mark, ...doc.blocks];
  while (blocks.length > 200 && blocks.at(-1)?.type === 'feed') blocks.pop();
  return { ...doc, blocks: blocks.slice(0, 200) };
}
