// Bot and survey messages (input_select, input_email, input_csat, cards, article): part of the
// on-demand rich-content module, since most conversations never show one.
import {html, nothing} from 'lit';
import type {Message, MessageBody, SubmittedAnswer} from '../../state/model.js';
import type {Catalogue} from '../../i18n/en.js';
import {t} from '../../i18n/i18n.js';
import {media, newTab, safeUrl} from '../../markdown/safe.js';
import {fire} from '../../events/intent.js';

/** The rating scale's faces, worst to best; a star for each rating with `display: 'star'`. */
const FACES = ['😞', '😕', '😐', '🙂', '😍'];
const STAR = '★';

type CsatBody = Extract<MessageBody, {type: 'input_csat'}>;

/** Sends an answer from a form's submit or a button's click. */
const answerFrom = (event: Event, key: string, answer: SubmittedAnswer) => {
  event.preventDefault();
  fire(event.target!, 'answer-request', {key, answer});
};

/** A field of a submitted form, trimmed ('' when missing). */
const fieldOf = (event: Event, name: string) => String(new FormData(event.target as HTMLFormElement).get(name) ?? '').trim();

const card = (image: string, title: unknown, text: string, actions?: unknown) =>
  html`<div class="card">
    ${image ? html`<img src=${image} alt="" loading="lazy" />` : nothing}
    <strong>${title}</strong>
    <p>${text}</p>
    ${actions}
  </div>`;

/** Options as toggle buttons; once answered, the chosen one stays pressed and all are locked. */
const renderOptions = ({key, content, answer}: Message, items: Extract<MessageBody, {type: 'input_select'}>['items']) =>
  html`<div class="options" role="group" aria-label=${content}>
    ${items.map((item) => {
      const chosen = answer?.kind == 'select' && answer.values.some((value) => value.value === item.value);
      return html`<button
        class="pill-button ${chosen ? 'chosen' : ''}"
        ?disabled=${!!answer}
        aria-pressed=${chosen}
        @click=${(event: Event) => answerFrom(event, key, {kind: 'select', values: [item]})}
      >
        ${item.title}
      </button>`;
    })}
  </div>`;

/** The email question: a field and Submit; once answered, a thank-you naming the address. */
const renderEmail = (key: string, answer: Message['answer'], strings: Catalogue) =>
  answer?.kind == 'email'
    ? html`<div class="answer-summary" role="status"><strong>${t(strings.email_saved, {email: answer.email})}</strong></div>`
    : html`<form class="bot-form" @submit=${(event: Event) => answerFrom(event, key, {kind: 'email', email: fieldOf(event, 'email')})}>
        <input type="email" name="email" required autocomplete="email" aria-label=${strings.email} placeholder=${strings.email} />
        <button class="pill-button">${strings.submit}</button>
      </form>`;

/**
 * The satisfaction survey: one radio group of five large choices (faces or stars; arrow keys
 * move between them, each is read as "4 of 5"), an optional comment and Submit. Once answered:
 * a thank-you with the rating and the comment that were sent.
 */
const renderCsat = (key: string, body: CsatBody, answer: Message['answer'], strings: Catalogue) => {
  const stars = body.display == 'star';
  if (answer?.kind == 'csat')
    return html`<div class="answer-summary" role="status">
      <strong>${strings.csat_thanks}</strong>
      <span class="answer-rating ${body.display}" role="img" aria-label=${t(strings.rating, answer.rating)}
        >${stars ? STAR.repeat(answer.rating) : FACES[answer.rating - 1] ?? ''}</span
      >
      ${answer.feedback ? html`<span class="answer-comment">“${answer.feedback}”</span>` : nothing}
    </div>`;
  return html`<form
    class="bot-form"
    @submit=${(event: Event) => answerFrom(event, key, {kind: 'csat', rating: Number(fieldOf(event, 'rating')), feedback: fieldOf(event, 'feedback')})}
  >
    <fieldset>
      <legend>${strings.rate}</legend>
      <div class="rating ${stars ? 'star' : 'emoji'}">
        ${FACES.map(
          (face, index) =>
            html`<label class="rating-choice"
              ><input type="radio" name="rating" value=${index + 1} required aria-label=${t(strings.rating, index + 1)} /><span aria-hidden="true"
                >${stars ? STAR : face}</span
              ></label
            >`
        )}
      </div>
      <textarea name="feedback" rows="2" aria-label=${strings.feedback} placeholder=${strings.feedback}></textarea>
      <button class="pill-button">${strings.submit}</button>
    </fieldset>
  </form>`;
};

/** The answerable part of a bot message, or nothing for plain messages. */
export const renderBot = (message: Message, strings: Catalogue) => {
  const {key, body, answer} = message;
  switch (body.type) {
    case 'input_select':
      return renderOptions(message, body.items);
    case 'input_email':
      return renderEmail(key, answer, strings);
    case 'input_csat':
      return renderCsat(key, body, answer, strings);
    case 'cards':
      return body.items.map((item) =>
        card(
          media(item.mediaUrl),
          item.title,
          item.description,
          item.actions.map((action) =>
            safeUrl(action.uri)
              ? newTab(safeUrl(action.uri), action.text, 'pill-button')
              : html`<button class="pill-button" @click=${(event: Event) => fire(event.target!, 'send-request', {content: action.text, files: []})}>${action.text}</button>`
          )
        )
      );
    case 'article':
      return body.items.map((item) => card('', safeUrl(item.link) ? newTab(safeUrl(item.link), item.title) : item.title, item.description));
    default:
      return nothing;
  }
};
