/** The visitor pressed the header's close button. */
export class AkeceCloseRequestEvent extends Event {
  static readonly eventName = 'akece-close-request';
  constructor() {
    super(AkeceCloseRequestEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface HTMLElementEventMap {
    'akece-close-request': AkeceCloseRequestEvent;
  }
}
