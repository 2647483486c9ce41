/** The visitor asked to send a message: text and/or files (composer, card postback buttons). */
export class AkeceSendRequestEvent extends Event {
  static readonly eventName = 'akece-send-request';
  constructor(
    /** Trimmed text; may be empty when only files are sent. */
    readonly content: string,
    /** Files picked with the attach button. */
    readonly files: readonly File[] = []
  ) {
    super(AkeceSendRequestEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface HTMLElementEventMap {
    'akece-send-request': AkeceSendRequestEvent;
  }
}
