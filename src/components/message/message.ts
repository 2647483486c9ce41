// Message bodies as plain template functions (no element per message, so 10,000 messages cost
// no extra custom-element lifecycles). Intents are dispatched from the clicked node; they bubble
// and are composed, so the root hears them whatever element renders this.
import {html, nothing} from 'lit';
import type {TemplateResult} from 'lit';
import type {Message, SubmittedAnswer} from '../../state/model.js';
import type {Catalogue} from '../../i18n/en.js';
import {t} from '../../i18n/i18n.js';
import {markdown, newTab, plain, safeUrl} from '../../markdown/markdown.js';
import {fire} from '../../events/intent.js';
import {AkeceAnswerRequestEvent} from '../../events/answer-request.js';
import {AkeceSendRequestEvent} from '../../events/send-request.js';

/** Media may also be local (`blob:`, the visitor's own uploads). */
const media = (u: string) => safeUrl(u, /^(https?|blob):$/);

const answer = (e: Event, key: string, answer: SubmittedAnswer) => {
  e.preventDefault();
  fire(e, new AkeceAnswerRequestEvent({key, answer}));
};

const form = (e: SubmitEvent) => new FormData(e.target as HTMLFormElement);

const card = (img: string, title: string, href: string, text: string, actions?: unknown) =>
  html`<div class="card">
    ${img ? html`<img src=${img} alt="" loading="lazy" />` : nothing}
    <strong>${href ? newTab(href, title) : title}</strong>
    <p>${text}</p>
    ${actions}
  </div>`;

/** The content of one message: text, attachments and any bot input (select, email, CSAT, cards, articles). */
export function renderBody(m: Message, s: Catalogue): TemplateResult {
  if (m.deleted) return html`<em>${s.deleted}</em>`;
  const b = m.body;
  const a = m.answer;
  return html`${m.content ? html`<div class="txt">${m.role == 'visitor' ? plain(m.content) : markdown(m.content)}</div>` : nothing}
  ${m.attachments.map(({kind, url, thumbUrl, fileName, size: n}) => {
    const u = media(url);
    const name = fileName || (kind == 'image' ? s.image : s.file);
    return !u
      ? nothing
      : kind == 'image'
        ? newTab(u, html`<img src=${media(thumbUrl) || u} alt=${name} loading="lazy" />`)
        : kind == 'audio'
          ? html`<audio controls preload="none" src=${u} aria-label=${name}></audio>`
          : kind == 'video'
            ? html`<video controls preload="metadata" src=${u} aria-label=${name}></video>`
            : newTab(u, name + (n == null ? '' : n < 1e6 ? ` (${Math.max(1, Math.round(n / 1e3))} kB)` : ` (${(n / 1e6).toFixed(1)} MB)`), 'file');
  })}
  ${b.type == 'input_select'
    ? html`<div class="opts" role="group" aria-label=${m.content || s.messages}>
        ${b.items.map((o) => {
          const on = a?.kind == 'select' && a.values.some((v) => v.value === o.value);
          return html`<button
            class="btn ${on ? 'on' : ''}"
            ?disabled=${!!a}
            aria-pressed=${a ? on : nothing}
            @click=${(e: Event) => answer(e, m.key, {kind: 'select', values: [o]})}
          >
            ${o.title}
          </button>`;
        })}
      </div>`
    : b.type == 'input_email'
      ? html`<form class="f" @submit=${(e: SubmitEvent) => answer(e, m.key, {kind: 'email', email: String(form(e).get('v')).trim()})}>
          <input
            type="email"
            name="v"
            required
            autocomplete="email"
            aria-label=${s.email}
            placeholder=${s.email}
            .value=${a?.kind == 'email' ? a.email : ''}
            ?disabled=${!!a}
          />
          <button class="btn" ?disabled=${!!a}>${s.submit}</button>
        </form>`
      : b.type == 'input_csat'
        ? html`<form
            class="f"
            @submit=${(e: SubmitEvent) => {
              const d = form(e);
              answer(e, m.key, {kind: 'csat', rating: Number(d.get('r')), feedback: String(d.get('v') ?? '').trim()});
            }}
          >
            <fieldset ?disabled=${!!a}>
              <legend>${s.rate}</legend>
              <div class="rate ${b.display}">
                ${['😞', '😕', '😐', '🙂', '😍'].map(
                  (e, i) =>
                    html`<label
                      ><input class="sr" type="radio" name="r" value=${++i} required .checked=${a?.kind == 'csat' && a.rating == i} /><span
                        aria-hidden="true"
                        >${b.display == 'star' ? '★' : e}</span
                      ><span class="sr">${t(s, 'rating', {n: i})}</span></label
                    >`
                )}
              </div>
              <textarea name="v" rows="2" aria-label=${s.feedback} placeholder=${s.feedback} .value=${a?.kind == 'csat' ? a.feedback : ''}></textarea>
              <button class="btn">${s.submit}</button>
            </fieldset>
          </form>`
        : b.type == 'cards'
          ? b.items.map((c) =>
              card(
                media(c.mediaUrl),
                c.title,
                '',
                c.description,
                c.actions.map((x) =>
                  safeUrl(x.uri)
                    ? newTab(safeUrl(x.uri), x.text, 'btn')
                    : html`<button class="btn" @click=${(e: Event) => fire(e, new AkeceSendRequestEvent({content: x.text, files: []}))}>${x.text}</button>`
                )
              )
            )
          : b.type == 'article'
            ? b.items.map((x) => card('', x.title, safeUrl(x.link), x.description))
            : nothing}`;
}
