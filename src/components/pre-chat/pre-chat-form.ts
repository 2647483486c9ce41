import {LitElement, html, nothing} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {en, type Catalogue} from '../../i18n/en.js';
import type {PreChatField, PreChatForm} from '../../state/pre-chat-form.js';
import {shared} from '../../styles/shared.styles.js';
import {fire} from '../../events/intent.js';
import {answerValue, validateAnswer, type FieldError, type RawAnswer} from './validate.js';
import {preChatFormStyles} from './pre-chat-form.styles.js';

/** The catalogue's names for the contact's own fields, used when the page gives no label. */
const BUILT_IN_LABELS: Readonly<Record<string, 'field_name' | 'field_email' | 'field_phone'>> = {name: 'field_name', email: 'field_email', phone_number: 'field_phone'};
/** What the browser may fill a field with: the contact's own fields and phone or email fields, nothing else. */
function autocompleteOf(field: PreChatField): 'name' | 'email' | 'tel' | 'off' {
  if (field.name == 'name' && field.type == 'text') return 'name';
  return field.type == 'email' || field.type == 'tel' ? field.type : 'off';
}

/**
 * The pre-chat form (contract §11): the page's fields (text, email, tel, number, textarea,
 * select, checkbox) checked by the widget, so that each error is in the UI language and tied
 * to its field (`aria-invalid`, `aria-describedby`); the first field in error takes focus.
 *
 * @summary Pre-chat form.
 * @tag akece-pre-chat-form
 * @fires {AkecePreChatSubmitEvent} akece-pre-chat-submit - Every answer is valid: the values by field name (bubbles, composed; the panel stops it).
 */
export class AkecePreChatForm extends LitElement {
  static override styles = [shared, preChatFormStyles];
  static override properties = {
    form: {attribute: false},
    intro: {},
    strings: {attribute: false},
    answers: {state: true},
    errors: {state: true},
  };

  /** The fields to ask. */
  form: PreChatForm = {fields: [], intro: ''};
  /** Text above the fields. */
  intro = '';
  /** UI strings. */
  strings: Catalogue = en;
  /** What the visitor entered, by field name. */
  answers: ReadonlyMap<string, RawAnswer> = new Map();
  /** What is wrong, by field name: shown once the visitor has tried to send. */
  errors: ReadonlyMap<string, FieldError> = new Map();
  #tried = false;

  protected override firstUpdated() {
    // Focus moves in only when it is in the widget already (the visitor opened it), never from the page.
    if ((this.getRootNode() as ShadowRoot).activeElement) this.renderRoot.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }

  override render() {
    return html`<form novalidate @submit=${this.#submit}>
      ${this.intro ? html`<p class="intro">${this.intro}</p>` : nothing} ${this.form.fields.map((field, index) => this.#renderField(field, index))}
      <button type="submit" class="submit">${this.strings.prechat_start}</button>
    </form>`;
  }

  #renderField(field: PreChatField, index: number) {
    const strings = this.strings;
    const id = `field-${index}`;
    const error = this.errors.get(field.name);
    const answer = this.answers.get(field.name) ?? (field.type == 'checkbox' ? false : '');
    const builtIn = BUILT_IN_LABELS[field.name];
    const label = html`${field.label || (builtIn ? strings[builtIn] : field.name)}${field.required ? nothing : html` <span class="optional">${strings.field_optional}</span>`}`;
    const errorLine = error ? html`<p class="field-error" id="${id}-error">${strings[error]}</p>` : nothing;
    const common = {
      id,
      invalid: error ? ('true' as const) : ('false' as const),
      describedBy: error ? `${id}-error` : undefined,
    };
    if (field.type == 'checkbox') {
      return html`<div class="field checkbox">
        <input
          type="checkbox"
          id=${common.id}
          ?required=${field.required}
          aria-invalid=${common.invalid}
          aria-describedby=${ifDefined(common.describedBy)}
          .checked=${answer === true}
          @change=${(event: Event) => this.#answer(field, (event.target as HTMLInputElement).checked)}
        />
        <label for=${id}>${label}</label>
        ${errorLine}
      </div>`;
    }
    const onInput = (event: Event) => this.#answer(field, (event.target as HTMLInputElement).value);
    const value = String(answer);
    let control;
    if (field.type == 'textarea') {
      control = html`<textarea
        id=${id}
        rows="3"
        ?required=${field.required}
        placeholder=${ifDefined(field.placeholder || undefined)}
        aria-invalid=${common.invalid}
        aria-describedby=${ifDefined(common.describedBy)}
        .value=${value}
        @input=${onInput}
      ></textarea>`;
    } else if (field.type == 'select') {
      control = html`<select id=${id} ?required=${field.required} aria-invalid=${common.invalid} aria-describedby=${ifDefined(common.describedBy)} @change=${onInput}>
        <option value="" ?selected=${!value}>${field.placeholder || strings.select_placeholder}</option>
        ${field.options.map((option) => html`<option value=${option.value} ?selected=${option.value == value}>${option.label}</option>`)}
      </select>`;
    } else {
      control = html`<input
        id=${id}
        type=${field.type}
        .step=${field.type == 'number' ? 'any' : ''}
        autocomplete=${autocompleteOf(field)}
        ?required=${field.required}
        placeholder=${ifDefined(field.placeholder || undefined)}
        aria-invalid=${common.invalid}
        aria-describedby=${ifDefined(common.describedBy)}
        .value=${value}
        @input=${onInput}
      />`;
    }
    return html`<div class="field"><label for=${id}>${label}</label>${control}${errorLine}</div>`;
  }

  /** Keeps an answer; once the visitor has tried to send, its error follows what they type. */
  #answer(field: PreChatField, answer: RawAnswer) {
    this.answers = new Map(this.answers).set(field.name, answer);
    if (this.#tried) this.errors = this.#check(new Map(this.errors), field);
  }

  /** `errors` with `field`'s entry as its current answer makes it. */
  #check(errors: Map<string, FieldError>, field: PreChatField): Map<string, FieldError> {
    const index = this.form.fields.indexOf(field);
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#field-${index}`);
    // A number field holds '' for text that is no number: the browser says it is bad input.
    const error = field.type == 'number' && input?.validity.badInput ? 'error_number' : validateAnswer(field, this.answers.get(field.name) ?? (field.type == 'checkbox' ? false : ''));
    if (error) errors.set(field.name, error);
    else errors.delete(field.name);
    return errors;
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    this.#tried = true;
    const errors = new Map<string, FieldError>();
    for (const field of this.form.fields) this.#check(errors, field);
    this.errors = errors;
    if (errors.size) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
      return;
    }
    const values: Record<string, string | number | boolean> = {};
    // (a field left alone is '': an optional text field stays unanswered, a checkbox unticked)
    for (const field of this.form.fields) values[field.name] = answerValue(field, this.answers.get(field.name) ?? '');
    fire(this, 'pre-chat-submit', {values});
  }
}
