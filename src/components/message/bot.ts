// Bot and survey messages (input_select, input_email, input_csat, cards, article): part of the
// on-demand rich-content module, since most conversations never show one.
import {html, nothing} from 'lit';
import type {Message, SubmittedAnswer} from '../../state/model.js';
import type {Catalogue} from '../../i18n/en.js';
import {t} from '../../i18n/i18n.js';
import {media, newTab, safeUrl} from '../../markdown/safe.js';
import {fire} from '../../events/intent.js';

const card = (img: string, title: unknown, text: string, actions?: unknown) =>
  html`<div class="card">
    ${img ? html`<img src=${img} alt="" loading="lazy" />` : nothing}
    <strong>${title}</strong>
    <p>${text}</p>
    ${actions}
  </div>`;

/** The answerable part of a bot message, or nothing for plain messages. */
export const renderBot = ({key, content, body: b, answer: a}: Message, s: Catalogue) => {
  /** Sends the answer from a form's submit or a button's click. */
  const answer = (e: Event, answer: SubmittedAnswer) => {
    e.preventDefault();
    fire(e.target!, 'answer-request', {key, answer});
  };
  const csat = b.type == 'input_csat';
  /** What the visitor answered in the form's text field. */
  const v = a?.kind == 'csat' ? a.feedback : a?.kind == 'email' ? a.email : '';
  /** A field of the submitted form, trimmed (never missing: email and rating are required, the feedback box always submits). */
  const field = (e: Event, name: string) => String(new FormData(e.target as HTMLFormElement).get(name)).trim();
  return b.type == 'input_select'
        ? html`<div class="opts" role="group" aria-label=${content}>
            ${b.items.map((o) => {
              const on = a?.kind == 'select' && a.values.some((x) => x.value === o.value);
              return html`<button class="btn ${on ? 'on' : ''}" ?disabled=${!!a} aria-pressed=${on} @click=${(e: Event) => answer(e, {kind: 'select', values: [o]})}>
                ${o.title}
              </button>`;
            })}
          </div>`
        : b.type == 'input_email' || csat
          ? html`<form
              class="f"
              @submit=${(e: Event) => answer(e, csat ? {kind: 'csat', rating: +field(e, 'r'), feedback: field(e, 'v')} : {kind: 'email', email: field(e, 'v')})}
            >
              <fieldset ?disabled=${!!a}>
                ${csat
                  ? html`<legend>${s.rate}</legend>
                      <div class="opts">
                        ${[...'😞😕😐🙂😍'].map(
                          (e, i) =>
                            html`<label
                              ><input type="radio" name="r" value=${++i} required aria-label=${t(s.rating, i)} .checked=${a?.kind == 'csat' && a.rating == i} />${b.display ==
                              'star'
                                ? '★'
                                : e}</label
                            >`
                        )}
                      </div>
                      <textarea name="v" rows="2" aria-label=${s.feedback} placeholder=${s.feedback} .value=${v}></textarea>`
                  : html`<input type="email" name="v" required autocomplete="email" aria-label=${s.email} placeholder=${s.email} .value=${v} />`}
                <button class="btn">${s.submit}</button>
              </fieldset>
            </form>`
          : b.type == 'cards'
            ? b.items.map((c) =>
                card(
                  media(c.mediaUrl),
                  c.title,
                  c.description,
                  c.actions.map((x) =>
                    safeUrl(x.uri)
                      ? newTab(safeUrl(x.uri), x.text, 'btn')
                      : html`<button class="btn" @click=${(e: Event) => fire(e.target!, 'send-request', {content: x.text, files: []})}>${x.text}</button>`
                  )
                )
              )
            : b.type == 'article'
              ? b.items.map((x) => card('', safeUrl(x.link) ? newTab(safeUrl(x.link), x.title) : x.title, x.description))
              : nothing;
};
