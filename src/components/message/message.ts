// Message bodies as plain template functions (no element per message, so 10,000 messages cost
// no extra custom-element lifecycles). Intents are dispatched from the clicked node; they bubble
// and are composed, so the root hears them whatever element renders this.
import {html, nothing} from 'lit';
import type {Message} from '../../state/model.js';
import type {Catalogue} from '../../i18n/en.js';
import {newTab, plain, safeUrl} from '../../markdown/safe.js';
import {rich} from './load-rich.js';

/** Media may also be local (`blob:`, the visitor's own uploads). */
const media = (u: string) => safeUrl(u, /^(https?|blob):$/);

/** The content of one message: text, attachments and any bot input (select, email, CSAT, cards, articles). */
export const renderBody = (m: Message, s: Catalogue) => {
  const {deleted, role, content, attachments} = m;
  // Markdown and bot forms come with the on-demand rich-content module; until it is there (or
  // if it cannot load) an agent's text shows as plain text and a bot question as its text.
  const r = rich();
  return deleted
    ? html`<em>${s.deleted}</em>`
    : html`${role == 'visitor' || !r ? plain(content) : r.markdown(content)}
      ${attachments.map(({kind, url, thumbUrl, fileName: name, size: n}) => {
        const u = media(url);
        name ||= kind == 'image' ? s.image : s.file;
        return !u
          ? nothing
          : kind == 'image'
            ? newTab(u, html`<img src=${media(thumbUrl) || u} alt=${name} loading="lazy" />`)
            : kind == 'audio'
              ? html`<audio controls preload="none" src=${u} aria-label=${name}></audio>`
              : kind == 'video'
                ? html`<video controls src=${u} aria-label=${name}></video>`
                : // a file, a location or anything else: a link
                  newTab(u, name + (n == null ? '' : n < 1e6 ? ` (${Math.ceil(n / 1e3)} kB)` : ` (${(n / 1e6).toFixed(1)} MB)`), 'file');
      })}
      ${r ? r.renderBot(m, s) : nothing}`;
};
