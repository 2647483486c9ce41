import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {launcherEnglish, type LauncherCatalogue} from '../i18n/en-launcher.js';
import type {Catalogue} from '../i18n/en.js';

interface LocaleHost extends ReactiveControllerHost, HTMLElement {
  locale: string;
}

const isEnglish = (tag: string) => /^en\b/i.test(tag);

/**
 * Picks the UI language (the `locale` attribute, else the page's `lang`, else the browser's) and
 * the text direction that goes with it, and loads the catalogue only when it is needed: an
 * English page whose visitor never opens the chat uses the few built-in launcher strings
 * (src/i18n/en-launcher.ts); the whole catalogue (src/i18n/load.ts, with all of English as the
 * fallback) loads when the panel first opens (`loadCatalogue()`), or at once for another
 * language, whose launcher must speak it too.
 */
export class LocaleController implements ReactiveController {
  /** What the closed widget says (launcher, live region): English until a catalogue arrives. */
  launcherStrings: LauncherCatalogue = launcherEnglish;
  /** The whole catalogue of `locale` (English filling its gaps), once loaded. */
  strings: Catalogue | null = null;
  locale = 'en';
  dir: 'ltr' | 'rtl' = 'ltr';
  /** The panel asked for the whole catalogue: every language change loads it again. */
  #wanted = false;
  /** The tag whose catalogue is loading or loaded. */
  #requested = '';
  #loading: Promise<Catalogue> | null = null;

  readonly #host: LocaleHost;

  constructor(host: LocaleHost) {
    (this.#host = host).addController(this);
  }

  hostUpdate() {
    const tag = this.#host.locale || document.documentElement.lang || navigator.language || 'en';
    if (tag === this.locale && this.#requested) return;
    this.locale = tag;
    if (this.#wanted || !isEnglish(tag)) {
      this.#load(tag).catch(() => {}); // the panel's loadCatalogue() reports a failure
    } else {
      this.#requested = tag;
      this.#loading = null;
      this.launcherStrings = launcherEnglish;
    }
    this.#updateDirection();
  }

  /** The whole catalogue of the current language (loading it once); for the panel. */
  loadCatalogue(): Promise<Catalogue> {
    this.#wanted = true;
    return this.#requested === this.locale && this.#loading ? this.#loading : this.#load(this.locale);
  }

  #load(tag: string): Promise<Catalogue> {
    this.#requested = tag;
    this.#loading = import('../i18n/load.js')
      .then(({loadLocale}) => loadLocale(tag))
      .then((catalogue) => {
        if (this.#requested === tag) {
          this.strings = this.launcherStrings = catalogue;
          this.#updateDirection();
          this.#host.requestUpdate();
        }
        return catalogue;
      })
      .catch((error: unknown) => {
        // Its chunk was refused or unreachable: the next request tries again.
        if (this.#requested === tag) this.#loading = null;
        throw error;
      });
    return this.#loading;
  }

  // A right-to-left page keeps the widget right-to-left even in an English UI; otherwise the
  // catalogue says (English, built in, is left to right).
  #updateDirection() {
    this.dir = document.documentElement.dir === 'rtl' ? 'rtl' : this.launcherStrings.dir;
  }
}
