// The settings page for site owners (`/configure`): a form with every setting of <akece-chat>,
// a live widget that follows it, and the snippets to copy. Plain DOM, no HTML from strings.
import {h} from '../agent/dom.js';
import {OPTIONS} from './options.js';
import {settingsSnippet, tagSnippet} from './snippet.js';

/** @typedef {import('./options.js').Option} Option */

export class ConfigurePage {
  /**
   * @param {HTMLElement} root
   * @param {{origin: string, inbox: string, scriptUrl?: string}} site the server the live widget talks to
   */
  constructor(root, {origin, inbox, scriptUrl = `${origin}/dist/akece-chat.js`}) {
    this.root = root;
    this.scriptUrl = scriptUrl;
    /** @type {Map<Option, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>} */
    this.controls = new Map();
    /** The starting values: this server and its inbox, so the preview works at once. */
    this.initial = new Map([
      ['base-url', origin],
      ['inbox-identifier', inbox],
      ['layout', 'inline'],
    ]);
    this.widget = document.createElement('akece-chat');
    this.tagOut = h('pre', {class: 'snippet', 'data-ref': 'tag-snippet'});
    this.settingsOut = h('pre', {class: 'snippet', 'data-ref': 'settings-snippet'});
    this.error = h('p', {class: 'error', role: 'alert', hidden: true});
    this.#build();
    this.update();
  }

  #build() {
    const groups = [...new Set(OPTIONS.map((option) => option.group))];
    const form = h(
      'form',
      {class: 'options', 'aria-label': 'Widget settings'},
      ...groups.map((group) => h('fieldset', {}, h('legend', {}, group), ...OPTIONS.filter((option) => option.group === group).map((option) => this.#control(option))))
    );
    form.addEventListener('input', () => this.update());
    form.addEventListener('change', () => this.update());
    form.addEventListener('submit', (event) => event.preventDefault());
    const copy = (/** @type {HTMLElement} */ source, /** @type {string} */ label) =>
      h('button', {type: 'button', onclick: (/** @type {Event} */ event) => this.#copy(source, /** @type {HTMLButtonElement} */ (event.currentTarget))}, label);
    this.root.replaceChildren(
      h('header', {class: 'top'}, h('h1', {}, 'Configure the chat widget'), h('p', {}, 'Every setting of ', h('code', {}, '<akece-chat>'), ', a live widget that follows it, and the code for your site.')),
      h(
        'div',
        {class: 'columns'},
        form,
        h(
          'section',
          {class: 'result', 'aria-label': 'Preview and code'},
          h('h2', {}, 'Live preview'),
          h('div', {class: 'preview'}, this.widget),
          this.error,
          h('h2', {}, 'With a tag'),
          h('p', {class: 'hint'}, 'Paste where the chat should be (a floating widget can go anywhere in the body).'),
          this.tagOut,
          copy(this.tagOut, 'Copy the tag'),
          h('h2', {}, 'Without markup (site builders)'),
          h('p', {class: 'hint'}, 'Under a CSP without inline scripts, put the first script’s lines in a file of your own.'),
          this.settingsOut,
          copy(this.settingsOut, 'Copy the snippet')
        )
      )
    );
  }

  /** @param {Option} option */
  #control(option) {
    const id = `option-${option.property}`;
    const initial = (option.attribute && this.initial.get(option.attribute)) ?? '';
    /** @type {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} */
    let control;
    if (option.kind === 'select') {
      control = /** @type {HTMLSelectElement} */ (
        h('select', {id}, ...(option.choices ?? []).map((choice, index) => h('option', {value: choice, selected: initial ? choice === initial : index === 0}, choice || '(not set)')))
      );
    } else if (option.kind === 'boolean') {
      control = /** @type {HTMLInputElement} */ (h('input', {id, type: 'checkbox'}));
    } else if (option.kind === 'json') {
      control = /** @type {HTMLTextAreaElement} */ (h('textarea', {id, rows: 4, spellcheck: 'false', placeholder: option.hint ?? ''}));
    } else {
      control = /** @type {HTMLInputElement} */ (h('input', {id, type: option.kind === 'number' ? 'number' : option.kind === 'url' ? 'url' : 'text', value: initial, min: option.kind === 'number' ? 0 : undefined}));
    }
    control.dataset.property = option.property;
    if (option.attribute) control.dataset.attribute = option.attribute;
    this.controls.set(option, control);
    const hint = option.hint && option.kind !== 'json' ? h('small', {class: 'hint'}, option.hint) : null;
    return option.kind === 'boolean'
      ? h('div', {class: 'field check'}, control, h('label', {for: id}, option.label, option.attribute ? h('code', {}, option.attribute) : null), hint)
      : h('div', {class: 'field'}, h('label', {for: id}, option.label, ' ', h('code', {}, option.attribute ?? `.${option.property}`)), control, hint);
  }

  /** The settings that differ from the widget's defaults, in the list's order. */
  chosen() {
    /** @type {Map<Option, string | boolean | object>} */
    const chosen = new Map();
    for (const [option, control] of this.controls) {
      if (option.kind === 'boolean') {
        if (/** @type {HTMLInputElement} */ (control).checked) chosen.set(option, true);
      } else if (option.kind === 'select') {
        if (control.value !== (option.choices ?? [])[0]) chosen.set(option, control.value);
      } else if (option.kind === 'json') {
        const parsed = this.#json(control.value);
        if (parsed) chosen.set(option, parsed);
      } else if (control.value.trim()) {
        chosen.set(option, control.value.trim());
      }
    }
    return chosen;
  }

  /** @param {string} text @returns {object | null} */
  #json(text) {
    if (!text.trim()) return null;
    try {
      const value = JSON.parse(text);
      return value && typeof value === 'object' ? value : null;
    } catch {
      return null;
    }
  }

  /** Apply the form to the live widget and rewrite the snippets. */
  update() {
    const chosen = this.chosen();
    const problems = [];
    for (const [option, control] of this.controls) {
      const value = chosen.get(option);
      if (option.kind === 'json') {
        const invalid = control.value.trim() !== '' && !this.#json(control.value);
        control.setAttribute('aria-invalid', String(invalid));
        if (invalid) problems.push(`${option.label}: not valid JSON`);
        /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (this.widget))[option.property] = value ?? undefined;
      } else if (!option.attribute) {
        continue;
      } else if (value === undefined) {
        this.widget.removeAttribute(option.attribute);
      } else {
        this.widget.setAttribute(option.attribute, value === true ? '' : String(value));
      }
    }
    this.error.textContent = problems.join(' · ');
    this.error.hidden = problems.length === 0;
    this.tagOut.textContent = tagSnippet(chosen, this.scriptUrl);
    this.settingsOut.textContent = settingsSnippet(chosen, this.scriptUrl);
  }

  /** @param {HTMLElement} source @param {HTMLButtonElement} button */
  async #copy(source, button) {
    const text = source.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = 'Copied';
    } catch {
      // No clipboard permission (an insecure origin): select the text for Ctrl+C instead.
      const range = document.createRange();
      range.selectNodeContents(source);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      button.textContent = 'Selected: press Ctrl+C';
    }
  }
}
