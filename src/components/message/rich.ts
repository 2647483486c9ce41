// The rich-content module, loaded on demand (dist/rich.js beside the script-tag bundle, or
// this file's module for npm users): a message's whole body with the agent's Markdown, the
// visitor's text with its addresses as links, media attachments (image, audio, video; anything
// else a link with its size) and bot forms. It keeps the script-tag bundle under its size
// budget; until it arrives, messages show as plain text and attachments as links
// (src/components/message/message.ts).
import {html, nothing} from 'lit';
import type {Message} from '../../state/model.js';
import type {Catalogue} from '../../i18n/en.js';
import {media, newTab} from '../../markdown/safe.js';
import {markdown, plainWithLinks} from '../../markdown/markdown.js';
import {renderBot} from './bot.js';

export const renderRich = (m: Message, s: Catalogue) =>
  html`${m.role == 'visitor' ? plainWithLinks(m.content) : markdown(m.content)}
    ${m.attachments.map(({kind, url, thumbUrl, fileName: name, size: n}) => {
      const u = media(url);
      name ||= kind == 'image' ? s.image : s.file;
      return !u
        ? url
          ? nothing
          : html`<small>${name}</small>` // a file still on its way (no address yet)
        : kind == 'image'
          ? newTab(u, html`<img src=${media(thumbUrl) || u} alt=${name} loading="lazy" />`)
          : kind == 'audio'
            ? html`<audio controls preload="none" src=${u} aria-label=${name}></audio>`
            : kind == 'video'
              ? html`<video controls src=${u} aria-label=${name}></video>`
              : // a file, a location or anything else: a link
                newTab(u, name + (n == null ? '' : n < 1e6 ? ` (${Math.ceil(n / 1e3)} kB)` : ` (${(n / 1e6).toFixed(1)} MB)`), 'file');
    })}
    ${renderBot(m, s)}`;
