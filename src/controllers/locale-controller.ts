import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {en, dirFor, type Catalogue} from '../i18n/i18n.js';
import {loadLocale} from '../i18n/load.js';

interface LocaleHost extends ReactiveControllerHost, HTMLElement {
  locale: string;
}

/**
 * Picks the UI language (the `locale` attribute, else the page's `lang`, else the browser's),
 * loads its catalogue on demand (English is built in) and the text direction that goes with it.
 */
export class LocaleController implements ReactiveController {
  strings: Catalogue = en;
  locale = 'en';
  dir: 'ltr' | 'rtl' = 'ltr';
  #loading = '';

  readonly #host: LocaleHost;

  constructor(host: LocaleHost) {
    (this.#host = host).addController(this);
  }

  hostUpdate() {
    const tag = this.#host.locale || document.documentElement.lang || navigator.language || 'en';
    if (tag === this.#loading) return;
    this.#loading = tag;
    this.locale = tag;
    // A right-to-left page keeps the widget right-to-left even in an English UI.
    this.dir = document.documentElement.dir === 'rtl' ? 'rtl' : dirFor(tag);
    if (/^en\b/i.test(tag)) {
      this.strings = en;
      return;
    }
    loadLocale(tag).then((strings) => {
      if (this.#loading !== tag) return;
      this.strings = strings;
      this.#host.requestUpdate();
    });
  }
}
