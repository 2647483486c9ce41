// The files waiting to go with the visitor's next message, loaded on demand with the first file
// the visitor attaches, pastes, drops or records (contract §12): a preview of each (a thumbnail
// for images, a player for audio, else the name and size) with a remove button, the reasons for
// files refused, the drop zone over the panel while files are dragged over it, and the progress
// of an upload. It renders into the composer's shadow root (the composer stays small until a
// file is chosen) and adds its styles there.
import {html, nothing, type LitElement, type ReactiveController} from 'lit';
import type {Catalogue} from '../../i18n/en.js';
import {plural, t} from '../../i18n/text.js';
import {formatFileSize, formatPercent} from '../../i18n/format-media.js';
import type {UploadObserver} from '../../events/send-request.js';
import {sortFiles, type AttachmentLimits} from './attachment-rules.js';
import {attachmentTrayStyles} from './attachment-tray.styles.js';

export {MAX_FILES} from './attachment-rules.js';

/** What the tray reads from its composer at each render. */
export interface TraySettings {
  strings: Catalogue;
  limits: AttachmentLimits;
}

/** A waiting file, with its preview's object URL (images and audio) while it is shown. */
interface WaitingFile {
  readonly file: File;
  url: string;
}

const previewKind = (file: File) => (file.type.startsWith('image/') ? 'image' : file.type.startsWith('audio/') ? 'audio' : 'file');

/**
 * The composer's attachments: `add()` takes files (refusing those over the limits), `take()`
 * hands them to a send, `dragOver()` follows files dragged over the panel, `uploadObserver()` shows
 * an upload's progress.
 */
export class AttachmentTray implements ReactiveController {
  readonly #host: LitElement;
  readonly #settings: () => TraySettings;
  #waiting: WaitingFile[] = [];
  #refusals: readonly string[] = [];
  #dragging = false;
  /** The upload in flight: the fraction sent. */
  #upload: number | null = null;
  #uploadFailed = false;

  constructor(host: LitElement, settings: () => TraySettings) {
    this.#host = host;
    this.#settings = settings;
    const root = host.renderRoot as ShadowRoot;
    const sheet = attachmentTrayStyles.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    host.addController(this);
  }

  /** The files waiting, in the order added. */
  get files(): readonly File[] {
    return this.#waiting.map((waiting) => waiting.file);
  }

  hostConnected() {
    // Object URLs are made again for a composer put back in the page (hostDisconnected freed them).
    this.#host.requestUpdate();
  }

  /** Makes the previews' object URLs before a render (freed on removal, send and disconnection). */
  hostUpdate() {
    for (const waiting of this.#waiting) if (!waiting.url && previewKind(waiting.file) != 'file') waiting.url = URL.createObjectURL(waiting.file);
  }

  /** The bar's length, through CSSOM (a strict style-src refuses style attributes). */
  hostUpdated() {
    const bar = this.#host.renderRoot.querySelector<HTMLElement>('.upload-bar');
    bar?.style.setProperty('--_sent', String(this.#upload ?? 0));
  }

  hostDisconnected() {
    for (const waiting of this.#waiting) this.#forgetPreview(waiting);
  }

  /** Adds files within the limits; the others are refused, each with its reason. */
  add(files: readonly File[]) {
    const {strings, limits} = this.#settings();
    const {kept, refusals} = sortFiles(files, this.#waiting.length, limits, strings);
    this.#waiting = [...this.#waiting, ...kept.map((file) => ({file, url: ''}))];
    this.#refusals = refusals;
    this.#uploadFailed = false;
    this.#host.requestUpdate();
  }

  /** Hands the waiting files to a send and empties the tray. */
  take(): readonly File[] {
    const files = this.files;
    for (const waiting of this.#waiting) this.#forgetPreview(waiting);
    this.#waiting = [];
    this.#refusals = [];
    this.#host.requestUpdate();
    return files;
  }

  /** Shows the progress of a send's uploads (its first attempt and every retry). */
  uploadObserver(): UploadObserver {
    return {
      progress: (sent, total) => {
        this.#upload = total ? sent / total : 0;
        this.#uploadFailed = false;
        this.#host.requestUpdate();
      },
      finished: (ok) => {
        this.#upload = null;
        this.#uploadFailed = !ok;
        this.#host.requestUpdate();
      },
    };
  }

  /** Files are dragged over the panel (`over`), or have left it or been dropped (`dropped`). */
  dragOver(over: boolean, dropped: readonly File[]) {
    if (dropped.length) this.add(dropped);
    if (over != this.#dragging) {
      this.#dragging = over;
      this.#host.requestUpdate();
    }
  }

  render() {
    const {strings} = this.#settings();
    const upload = this.#upload;
    return html`${this.#dragging ? html`<div class="drop-zone" aria-hidden="true"><p>${strings.drop_files}</p></div>` : nothing}
      <div class="tray-notes" role="alert">
        ${this.#refusals.map((reason) => html`<p>${reason}</p>`)}${this.#uploadFailed ? html`<p>${strings.upload_failed}</p>` : nothing}
      </div>
      ${upload == null
        ? nothing
        : html`<div
            part="upload-progress"
            class="upload-progress"
            role="progressbar"
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=${Math.round(upload * 100)}
            aria-label=${t(strings.uploading, {percent: formatPercent(upload, strings.lang)})}
          >
            <span class="upload-bar"></span>
          </div>`}
      ${this.#waiting.length
        ? html`<ul class="previews" aria-label=${plural(strings.files_count, this.#waiting.length, strings.lang)}>${this.#waiting.map((waiting, index) => this.#renderPreview(waiting, index, strings))}</ul>`
        : nothing}`;
  }

  #renderPreview(waiting: WaitingFile, index: number, strings: Catalogue) {
    const {file} = waiting;
    const kind = previewKind(file);
    const name = file.name;
    return html`<li part="attachment-preview" class="preview ${kind}">
      ${kind == 'image'
        ? html`<img src=${waiting.url} alt="" />`
        : kind == 'audio'
          ? html`<audio controls src=${waiting.url} aria-label=${strings.voice_message}></audio>`
          : nothing}
      <span class="file-name">${name}</span>
      <span class="file-size">${formatFileSize(file.size, strings.lang)}</span>
      <button class="icon-button remove" aria-label=${t(strings.file_remove, {name})} @click=${() => this.#remove(index)}>
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M7 7l10 10M17 7 7 17"></path></svg>
      </button>
    </li>`;
  }

  /** Removes the file at `index`; focus goes to the next remove button, else the text field. */
  async #remove(index: number) {
    const removed = this.#waiting[index];
    if (!removed) return;
    this.#forgetPreview(removed);
    this.#waiting = this.#waiting.filter((waiting) => waiting != removed);
    this.#refusals = [];
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const buttons = this.#host.renderRoot.querySelectorAll<HTMLElement>('.preview .remove');
    (buttons[Math.min(index, buttons.length - 1)] ?? this.#host).focus();
  }

  #forgetPreview(waiting: WaitingFile) {
    if (waiting.url) URL.revokeObjectURL(waiting.url);
    waiting.url = '';
  }
}
