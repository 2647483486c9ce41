// Message bodies as plain template functions (no element per message, so 10,000 messages cost
// no extra custom-element lifecycles). Intents are dispatched from the clicked node; they bubble
// and are composed, so the root hears them whatever element renders this.
import {html, nothing} from 'lit';
import type {Message} from '../../state/model.js';
import type {Catalogue} from '../../i18n/en.js';
import {media, newTab, plain} from '../../markdown/safe.js';
import {rich} from './load-rich.js';

/** The content of one message: text, attachments and any bot input (select, email, CSAT, cards, articles). */
export const renderBody = (m: Message, s: Catalogue) => {
  const {deleted, content, attachments} = m;
  // Markdown, media and bot forms come with the on-demand rich-content module; until it is
  // there (or if it cannot load) an agent's text shows as plain text, an attachment as a link
  // and a bot question as its text. A file not sent yet (no address) shows its name.
  const r = rich();
  return deleted
    ? html`<em>${s.deleted}</em>`
    : r
      ? r.renderRich(m, s)
      : html`${plain(content)}
        ${attachments.map(({url, fileName}) => (media(url) ? newTab(url, fileName || s.file, 'file') : url ? nothing : html`<small>${fileName}</small>`))}`;
};
