// The visible structure of rendered Markdown, to compare our rendering with a reference:
// emphasis, strike, code, code blocks, links and their targets, list items with their depth,
// quotes with their depth, headings; each with its text (spaces collapsed). Line breaks,
// paragraphs and whitespace are left out. A reference's link whose target we do not allow
// (relative, javascript:, …) counts as text, since ours shows such a link as text; a
// reference's image counts as a link to it, as ours shows it.
import {safeUrl} from '../../src/markdown/safe.js';

const norm = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

const INLINE: Record<string, string> = {STRONG: 'strong', B: 'strong', EM: 'em', I: 'em', S: 's', DEL: 's', STRIKE: 's', CODE: 'code'};

export const structure = (root: Element): string[] => {
  const out: string[] = [];
  const walk = (parent: Element, lists: string[], quotes: number) => {
    for (const child of parent.children) {
      const tag = child.tagName;
      let nextLists = lists;
      let nextQuotes = quotes;
      if (tag == 'A' || tag == 'IMG') {
        const href = safeUrl(child.getAttribute(tag == 'A' ? 'href' : 'src') ?? '');
        let text = norm(tag == 'IMG' ? child.getAttribute('alt') : child.textContent);
        if (child.classList.contains('image') && text == norm(child.getAttribute('href'))) text = ''; // ours: an image without alt text shows its URL
        if (href) out.push(`link ${href} "${text}"`);
      } else if (tag == 'PRE') {
        out.push(`code block "${norm(child.textContent)}"`);
        continue;
      } else if (tag in INLINE) out.push(`${INLINE[tag]} "${norm(child.textContent)}"`);
      else if (/^H[1-6]$/.test(tag)) out.push(`${tag.toLowerCase()} "${norm(child.textContent)}"`);
      else if (tag == 'UL' || tag == 'OL') nextLists = [...lists, tag.toLowerCase() + (child.getAttribute('start') ?? '')];
      else if (tag == 'LI') out.push(`item ${lists.join('>')}`);
      else if (tag == 'BLOCKQUOTE') out.push(`quote ${(nextQuotes = quotes + 1)}`);
      walk(child, nextLists, nextQuotes);
    }
  };
  walk(root, [], 0);
  return out;
};
