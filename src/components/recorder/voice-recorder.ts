// Voice notes (contract §12), loaded on demand with the first press of the record button: the
// microphone is asked for only then. While it records, a timer shows the length and a discard
// button throws the note away; stopping makes the note an audio file, which the composer puts
// with its attachments until the visitor sends.
import {html, nothing, type LitElement, type ReactiveController} from 'lit';
import type {Catalogue} from '../../i18n/en.js';
import {t} from '../../i18n/text.js';
import {formatDuration} from '../../i18n/format-media.js';
import {recorderStyles} from './voice-recorder.styles.js';

/** A file extension for a recorded type (the server stores the note under it). */
const extensionOf = (type: string) => (type.includes('mp4') ? 'm4a' : type.includes('ogg') ? 'ogg' : 'webm');

/** One recording in progress. */
interface Recording {
  readonly recorder: MediaRecorder;
  readonly stream: MediaStream;
  readonly chunks: Blob[];
  readonly startedAt: number;
  readonly timer: ReturnType<typeof setInterval>;
}

/**
 * The composer's voice recorder: `start()`, `stop()` (resolves with the note as a File),
 * `cancel()`. Its timer ticks once a second and stops with the recording or the composer.
 */
export class VoiceRecorder implements ReactiveController {
  readonly #host: LitElement;
  readonly #strings: () => Catalogue;
  #recording: Recording | null = null;
  /** Asking for the microphone: a second press waits for the answer. */
  #starting = false;
  #seconds = 0;
  #micRefused = false;

  constructor(host: LitElement, strings: () => Catalogue) {
    this.#host = host;
    this.#strings = strings;
    const root = host.renderRoot as ShadowRoot;
    const sheet = recorderStyles.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    host.addController(this);
  }

  /** Recording now (or asking for the microphone to). */
  get recording(): boolean {
    return this.#recording != null || this.#starting;
  }

  hostDisconnected() {
    this.cancel();
  }

  /** Asks for the microphone and starts recording; a refusal shows as a note. */
  async start(): Promise<void> {
    if (this.recording) return;
    this.#starting = true;
    this.#micRefused = false;
    this.#host.requestUpdate();
    try {
      const stream = await navigator.mediaDevices.getUserMedia({audio: true});
      if (!this.#starting || !this.#host.isConnected) return stopTracks(stream); // cancelled meanwhile
      const recorder = new MediaRecorder(stream);
      const chunks: Blob[] = [];
      recorder.ondataavailable = (event) => chunks.push(event.data);
      recorder.start();
      const startedAt = Date.now();
      this.#seconds = 0;
      const timer = setInterval(() => {
        this.#seconds = Math.floor((Date.now() - startedAt) / 1000);
        this.#host.requestUpdate();
      }, 1000);
      this.#recording = {recorder, stream, chunks, startedAt, timer};
    } catch {
      this.#micRefused = true;
    } finally {
      this.#starting = false;
      this.#host.requestUpdate();
    }
  }

  /** Stops recording; resolves with the note (null when nothing was recording yet: a start still
   * waiting for the microphone is called off). */
  stop(): Promise<File | null> {
    this.#starting = false;
    const recording = this.#end();
    if (!recording) return Promise.resolve(null);
    const {recorder, chunks} = recording;
    return new Promise<File>((resolve) => {
      recorder.onstop = () => {
        const type = recorder.mimeType || chunks[0]?.type || 'audio/webm';
        const stamp = new Date(recording.startedAt).toISOString().slice(0, 19).replace(/[-:T]/g, '');
        resolve(new File(chunks, `voice-message-${stamp}.${extensionOf(type)}`, {type}));
      };
      recorder.stop();
      stopTracks(recording.stream);
    });
  }

  /** Throws the recording away. */
  cancel() {
    this.#starting = false;
    const recording = this.#end();
    if (!recording) return;
    recording.recorder.onstop = null;
    recording.recorder.stop();
    stopTracks(recording.stream);
  }

  /** The timer and the discard button, while recording (in the composer's row). */
  renderControls() {
    const strings = this.#strings();
    if (this.#recording) {
      const time = formatDuration(this.#seconds, strings.lang);
      return html`<span part="record-timer" class="record-timer" role="timer" aria-label=${t(strings.recording, {time})}>${time}</span>
        <button part="record-cancel" class="icon-button" aria-label=${strings.record_cancel} @click=${this.#discard}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M5 7h14M10 7V4h4v3M7 7l1 13h8l1-13"></path></svg>
        </button>`;
    }
    return nothing;
  }

  /** Why recording could not start (no microphone, or the visitor refused it), above the row. */
  renderNote() {
    return this.#micRefused ? html`<p class="record-note" role="alert">${this.#strings().mic_denied}</p>` : nothing;
  }

  /** The discard button: throws the note away; focus goes back to the record button it replaced. */
  #discard = async () => {
    this.cancel();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('[part~="record-button"]')?.focus();
  };

  #end(): Recording | null {
    const recording = this.#recording;
    if (recording) clearInterval(recording.timer);
    this.#recording = null;
    this.#host.requestUpdate();
    return recording;
  }
}

function stopTracks(stream: MediaStream) {
  for (const track of stream.getTracks()) track.stop();
}
