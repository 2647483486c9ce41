import {LitElement, html, nothing} from 'lit';
import {en} from '../../i18n/en.js';
import type {Catalogue} from '../../i18n/en.js';
import {shared} from '../../styles/shared.styles.js';
import {fire} from '../../events/intent.js';
import {attachIcon, sendIcon} from '../icons.js';
import type {AttachmentTray} from '../attachments/attachment-tray.js';
import {accepts} from '../attachments/accepts.js';
import type {VoiceRecorder} from '../recorder/voice-recorder.js';
import {composerStyles} from './composer.styles.js';
import {textDirection} from './text-direction.js';
import {EmojiControl, emojiControlStyles} from './emoji-control.js';
import type {RecentStorage} from '../emoji/recent-emoji.js';

/**
 * A paste with more line breaks than this is inserted by the composer itself: the browser's own
 * editing command inserts a paragraph per line, in time that grows with the square of the lines
 * (a 10,000-line paste froze the page for seconds). Smaller pastes keep the native path, and
 * with it the browser's undo.
 */
const LARGE_PASTE_LINES = 100;

/** A microphone (here, not in icons.ts, which the page start loads). */
const micIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM5 11a7 7 0 0 0 14 0M12 18v3"></path></svg>`;

/** What a voice note is, for the page's `accept` (a page that takes only images gets no record button). */
const VOICE_NOTE = new File([], 'voice-message.webm', {type: 'audio/webm'});

/** For a chunk that could not load (offline, or refused by its integrity check): nothing to add then. */
const ignore = () => undefined;

/** Whether this browser can record voice notes (a missing or refused microphone shows on start). */
const canRecord = () => typeof MediaRecorder == 'function' && typeof navigator.mediaDevices?.getUserMedia == 'function';

/**
 * The visitor's text field with send and attach buttons. Enter sends, Shift+Enter adds a line
 * (never while an IME is composing); the field grows up to about five lines. Files attached,
 * pasted, dropped on the panel (`handleDrag`) or recorded wait in an attachment tray, loaded
 * with the first of them, and go with the next send; the voice recorder loads with the first
 * press of the record button.
 *
 * @summary Message composer.
 * @tag akece-composer
 * @csspart composer - The area holding the text field and buttons.
 * @csspart send-button - The send button.
 * @csspart emoji-button - The button that opens the emoji picker.
 * @csspart attach-button - Opens the file picker.
 * @csspart attachment-preview - A file waiting to be sent, with its remove button.
 * @csspart upload-progress - The upload of a message's files (`role="progressbar"`).
 * @csspart record-button - Starts a voice note; stops it while recording (`aria-pressed="true"`).
 * @csspart record-timer - The length of the voice note being recorded.
 * @csspart record-cancel - Throws the voice note being recorded away.
 * @cssproperty [--akece-composer-border-color=#6b7280] - Border of the composer and its field.
 * @cssproperty [--akece-send-button-background=var(--akece-color-accent)] - Send button.
 * @fires {AkeceSendRequestEvent} akece-send-request - Text and/or picked files to send (bubbles, composed).
 * @fires {AkeceTypingEvent} akece-typing - `on` at every keystroke, off on send and on blur; the session turns these into one "on", and "off" after 4 s without a keystroke (bubbles, composed).
 */
export class AkeceComposer extends LitElement {
  static override styles = [shared, composerStyles, emojiControlStyles];
  static override properties = {strings: {attribute: false}, storage: {attribute: false}, maxAttachmentSize: {attribute: false}, accept: {attribute: false}};

  /** UI strings. */
  strings: Catalogue = en;
  /** Where the emoji picker remembers recent emoji (the element's `storage`). */
  storage: RecentStorage = 'local';
  /** Largest file the visitor may attach, in bytes (the element's `max-attachment-size` is in MB). */
  maxAttachmentSize = 40 * 1024 * 1024;
  /** The types the visitor may attach, as a file input's `accept` (the element's `accept`); empty: any. */
  accept = '';

  readonly #emoji = new EmojiControl(this, () => this.#field);
  #tray: Promise<AttachmentTray> | undefined;
  /** The tray once it has loaded (it renders from then on). */
  #loadedTray: AttachmentTray | undefined;
  #recorder: VoiceRecorder | undefined;

  get #field() {
    return this.renderRoot.querySelector('textarea')!;
  }

  /** Focuses the text field. */
  override focus(options?: FocusOptions) {
    this.#field.focus(options);
  }

  // No dir=auto on the field: Chromium recomputes an auto direction over the whole value at
  // every change, in time that grows with the square of its lines (20,000 short lines: 10 s).
  // The direction is set from the first strong letter instead (#handleInput), as dir=auto would.
  override render() {
    const strings = this.strings;
    const recorder = this.#recorder;
    const recording = recorder?.recording ?? false;
    return html`${this.#loadedTray?.render() ?? nothing}${recorder?.renderNote() ?? nothing}
      <div part="composer" class="composer">
      <textarea
        rows="1"
        aria-label=${strings.input}
        placeholder=${strings.input}
        @keydown=${this.#handleKeydown}
        @paste=${this.#handlePaste}
        @input=${this.#handleInput}
        @blur=${this.#stop}
      ></textarea>
      ${this.#emoji.render(strings, this.storage)}
      <button part="attach-button" class="icon-button" aria-label=${strings.attach} @click=${() => this.renderRoot.querySelector('input')!.click()}>${attachIcon}</button>
      <input type="file" multiple hidden accept=${this.accept} @change=${this.#handlePick} />
      ${recorder?.renderControls() ?? nothing}
      ${canRecord() && accepts(this.accept, VOICE_NOTE)
        ? html`<button part="record-button" class="icon-button" aria-label=${strings.record} title=${recording ? strings.record_stop : strings.record} aria-pressed=${recording ? 'true' : 'false'} @click=${this.#toggleRecording}>
            ${micIcon}
          </button>`
        : nothing}
      <button part="send-button" class="icon-button send-button" aria-label=${strings.send} @click=${this.#send}>${sendIcon}</button>
    </div>`;
  }

  #handleKeydown(event: KeyboardEvent) {
    // 229: Safari's Enter that ends an IME composition
    if (event.key == 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode != 229) {
      event.preventDefault();
      this.#send();
    }
  }

  /** Adds files to the next message (refused ones are shown with their reason). */
  async addFiles(files: readonly File[]): Promise<void> {
    if (files.length) (await this.#attachmentTray()).add(files);
  }

  /**
   * Follows a drag over the panel (`panel`: the element that heard it): while files are over
   * it a drop zone shows, and dropped files wait with the next message. Other drags pass.
   */
  handleDrag(event: DragEvent, panel: Element) {
    const transfer = event.dataTransfer;
    if (!transfer?.types.includes('Files')) return;
    event.preventDefault(); // at once: it is what lets the files be dropped here
    const {type, clientX: x, clientY: y} = event;
    const box = panel.getBoundingClientRect();
    // dragleave fires at every child's edge: the files have left only when the pointer is outside.
    const over = type != 'drop' && (type != 'dragleave' || (x > box.left && x < box.right && y > box.top && y < box.bottom));
    if (type == 'dragover') transfer.dropEffect = 'copy';
    const dropped = type == 'drop' ? [...transfer.files] : [];
    this.#attachmentTray().then((tray) => tray.dragOver(over, dropped), ignore);
  }

  /** The tray, loaded with the first file; if its chunk cannot load, the next file tries again. */
  #attachmentTray(): Promise<AttachmentTray> {
    return (this.#tray ??= import('../attachments/attachment-tray.js').then(
      ({AttachmentTray}) => {
        const tray = new AttachmentTray(this, () => ({strings: this.strings, limits: {maxBytes: this.maxAttachmentSize, accept: this.accept}}));
        return (this.#loadedTray = tray);
      },
      (error: unknown) => {
        this.#tray = undefined;
        throw error;
      }
    ));
  }

  async #toggleRecording() {
    if (this.#recorder?.recording) return this.#stopRecording();
    const loaded = await import('../recorder/voice-recorder.js').catch(ignore); // offline or refused: the button does nothing yet
    if (!loaded) return;
    this.#recorder ??= new loaded.VoiceRecorder(this, () => this.strings);
    await this.#recorder.start();
  }

  /** Stops the voice note; it waits with the attachments. */
  async #stopRecording() {
    const note = await this.#recorder?.stop();
    if (note) await this.addFiles([note]);
  }

  /** Pasted files wait with the next message; a large plain-text paste goes in as one replacement of the selection (linear in its length). */
  #handlePaste(event: ClipboardEvent) {
    const files = [...(event.clipboardData?.files ?? [])];
    if (files.length) {
      event.preventDefault();
      this.addFiles(files).catch(ignore);
      return;
    }
    const text = event.clipboardData?.getData('text/plain') ?? '';
    let lines = 0;
    for (let at = text.indexOf('\n'); at >= 0 && lines <= LARGE_PASTE_LINES; at = text.indexOf('\n', at + 1)) lines++;
    if (lines <= LARGE_PASTE_LINES) return;
    event.preventDefault();
    const field = this.#field;
    field.setRangeText(text.replace(/\r\n?/g, '\n'), field.selectionStart, field.selectionEnd, 'end');
    this.#handleInput();
  }

  #handleInput() {
    const field = this.#field;
    const direction = textDirection(field.value);
    if (direction) field.dir = direction;
    else field.removeAttribute('dir');
    // Auto-grow through CSSOM (allowed under a strict style-src); CSS caps it at ~5 lines.
    field.style.height = '';
    field.style.height = field.scrollHeight + 2 + 'px';
    fire(this, 'typing', {on: true});
  }

  #handlePick(event: Event) {
    const picker = event.target as HTMLInputElement;
    const files = [...picker.files!];
    picker.value = '';
    this.addFiles(files).catch(ignore);
  }

  /** Sends the text with the waiting files (a note being recorded is stopped and goes too). */
  async #send() {
    if (this.#recorder?.recording) await this.#stopRecording();
    const field = this.#field;
    const content = field.value.trim();
    const tray = this.#loadedTray;
    if (!content && !tray?.files.length) return;
    const files = tray?.take() ?? [];
    field.value = field.style.height = '';
    field.removeAttribute('dir');
    this.#stop();
    fire(this, 'send-request', {content, files, upload: files.length ? tray?.uploadObserver() : undefined});
  }

  #stop() {
    fire(this, 'typing', {on: false});
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akece-composer': AkeceComposer;
  }
}
