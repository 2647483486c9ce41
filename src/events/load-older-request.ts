/** The visitor wants older messages (button, or scrolled to the top). */
export class AkeceLoadOlderRequestEvent extends Event {
  static readonly eventName = 'akece-load-older-request';
  constructor() {
    super(AkeceLoadOlderRequestEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface HTMLElementEventMap {
    'akece-load-older-request': AkeceLoadOlderRequestEvent;
  }
}
