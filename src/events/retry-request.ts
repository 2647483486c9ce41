/** The visitor asked to send a failed message again. */
export class AkeceRetryRequestEvent extends Event {
  static readonly eventName = 'akece-retry-request';
  constructor(/** `Message.key` of the failed message. */ readonly key: string) {
    super(AkeceRetryRequestEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface HTMLElementEventMap {
    'akece-retry-request': AkeceRetryRequestEvent;
  }
}
