import type {Intent} from './intent.js';

/**
 * Told how the upload of a message's files goes, attempt by attempt (the first send and every
 * retry of it): the composer shows it as a progress bar.
 */
export interface UploadObserver {
  /** `sent` of `total` bytes of the request have left the browser. */
  progress(sent: number, total: number): void;
  /** The attempt ended: the server has the message (`ok`), or it failed and may be retried. */
  finished(ok: boolean): void;
}

/** The visitor asked to send a message: text and/or files (composer, card postback buttons). */
export type AkeceSendRequestEvent = Intent<{
  /** Trimmed text; may be empty when only files are sent. */
  content: string;
  /** The files that go with it (attached, pasted, dropped or recorded). */
  files: readonly File[];
  /** Hears the upload's progress when there are files. */
  upload?: UploadObserver;
}>;

declare global {
  interface HTMLElementEventMap {
    'akece-send-request': AkeceSendRequestEvent;
  }
}
