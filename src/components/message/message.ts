// Message bodies as plain template functions (no element per message, so 10,000 messages cost
// no extra custom-element lifecycles). Intents are dispatched from the clicked node; they bubble
// and are composed, so the root hears them whatever element renders this.
import {html, nothing} from 'lit';
import type {TemplateResult} from 'lit';
import type {Attachment, ChoiceItem, Message, SubmittedAnswer} from '../../state/model.js';
import type {Catalogue} from '../../i18n/en.js';
import {t} from '../../i18n/i18n.js';
import {markdown, plain, safeUrl} from '../../markdown/markdown.js';
import {AkeceAnswerRequestEvent} from '../../events/answer-request.js';
import {AkeceSendRequestEvent} from '../../events/send-request.js';

const MEDIA = /^(https?|blob):$/;
const EMOJI = ['😞', '😕', '😐', '🙂', '😍'];

const answer = (e: Event, key: string, a: SubmittedAnswer) => {
  e.preventDefault();
  e.currentTarget!.dispatchEvent(new AkeceAnswerRequestEvent(key, a));
};

const size = (n: number | null) =>
  n == null ? '' : n < 1e6 ? ` (${Math.max(1, Math.round(n / 1e3))} kB)` : ` (${(n / 1e6).toFixed(1)} MB)`;

const newTab = (href: string, body: unknown, cls = '') =>
  html`<a class=${cls} href=${href} target="_blank" rel="noopener noreferrer">${body}</a>`;

const attachment = (a: Attachment, s: Catalogue) => {
  const u = safeUrl(a.url, MEDIA);
  if (!u) return nothing;
  switch (a.kind) {
    case 'image':
      return newTab(u, html`<img src=${safeUrl(a.thumbUrl, MEDIA) || u} alt=${a.fileName || s.image} loading="lazy" />`);
    case 'audio':
      return html`<audio controls preload="none" src=${u} aria-label=${a.fileName || s.file}></audio>`;
    case 'video':
      return html`<video controls preload="metadata" src=${u} aria-label=${a.fileName || s.file}></video>`;
    default:
      return newTab(u, (a.fileName || s.file) + size(a.size), 'file');
  }
};

const select = (m: Message, items: readonly ChoiceItem[], s: Catalogue) => {
  const a = m.answer?.kind === 'select' ? m.answer.values : null;
  return html`<div class="opts" role="group" aria-label=${m.content || s.messages}>
    ${items.map((o) => {
      const on = !!a?.some((v) => v.value === o.value);
      return html`<button
        class="btn ${on ? 'on' : ''}"
        ?disabled=${!!a}
        aria-pressed=${a ? String(on) : nothing}
        @click=${(e: Event) => answer(e, m.key, {kind: 'select', values: [o]})}
      >
        ${o.title}
      </button>`;
    })}
  </div>`;
};

const email = (m: Message, s: Catalogue) => {
  const a = m.answer?.kind === 'email' ? m.answer : null;
  return html`<form
    class="f"
    @submit=${(e: SubmitEvent) =>
      answer(e, m.key, {kind: 'email', email: String(new FormData(e.target as HTMLFormElement).get('v')).trim()})}
  >
    <input type="email" name="v" required autocomplete="email" aria-label=${s.email} placeholder=${s.email} .value=${a?.email ?? ''} ?disabled=${!!a} />
    <button class="btn" ?disabled=${!!a}>${s.submit}</button>
  </form>`;
};

const csat = (m: Message, star: boolean, s: Catalogue) => {
  const a = m.answer?.kind === 'csat' ? m.answer : null;
  return html`<form
    class="f"
    @submit=${(e: SubmitEvent) => {
      const d = new FormData(e.target as HTMLFormElement);
      answer(e, m.key, {kind: 'csat', rating: Number(d.get('r')), feedback: String(d.get('v') ?? '').trim()});
    }}
  >
    <fieldset ?disabled=${!!a}>
      <legend>${s.rate}</legend>
      <div class="rate ${star ? 'star' : ''}">
        ${EMOJI.map(
          (e, i) =>
            html`<label
              ><input class="sr" type="radio" name="r" value=${i + 1} required .checked=${a?.rating === i + 1} /><span aria-hidden="true"
                >${star ? '★' : e}</span
              ><span class="sr">${t(s, 'rating', {n: i + 1})}</span></label
            >`
        )}
      </div>
      <textarea name="v" rows="2" aria-label=${s.feedback} placeholder=${s.feedback} .value=${a?.feedback ?? ''}></textarea>
      <button class="btn">${s.submit}</button>
    </fieldset>
  </form>`;
};

/** The content of one message: text, attachments and any bot input; deleted and status notes too. */
export function renderBody(m: Message, s: Catalogue): TemplateResult {
  if (m.deleted) return html`<em>${s.deleted}</em>`;
  const b = m.body;
  return html`${m.content ? html`<div class="txt">${m.role == 'visitor' ? plain(m.content) : markdown(m.content)}</div>` : nothing}
  ${m.attachments.map((a) => attachment(a, s))}
  ${b.type == 'input_select'
    ? select(m, b.items, s)
    : b.type == 'input_email'
      ? email(m, s)
      : b.type == 'input_csat'
        ? csat(m, b.display == 'star', s)
        : b.type == 'cards'
          ? b.items.map(
              (c) =>
                html`<div class="card">
                  ${safeUrl(c.mediaUrl, MEDIA) ? html`<img src=${safeUrl(c.mediaUrl, MEDIA)} alt="" loading="lazy" />` : nothing}
                  <strong>${c.title}</strong>
                  <p>${c.description}</p>
                  ${c.actions.map((x) =>
                    safeUrl(x.uri)
                      ? newTab(safeUrl(x.uri), x.text, 'btn')
                      : html`<button class="btn" @click=${(e: Event) => e.currentTarget!.dispatchEvent(new AkeceSendRequestEvent(x.text))}>
                          ${x.text}
                        </button>`
                  )}
                </div>`
            )
          : b.type == 'article'
            ? b.items.map(
                (x) =>
                  html`<div class="card">
                    ${safeUrl(x.link) ? newTab(safeUrl(x.link), x.title) : html`<strong>${x.title}</strong>`}
                    <p>${x.description}</p>
                  </div>`
              )
            : nothing}`;
}
