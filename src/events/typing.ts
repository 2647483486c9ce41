/** The visitor started (`on`) or stopped typing. */
export class AkeceTypingEvent extends Event {
  static readonly eventName = 'akece-typing';
  constructor(readonly on: boolean) {
    super(AkeceTypingEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface HTMLElementEventMap {
    'akece-typing': AkeceTypingEvent;
  }
}
