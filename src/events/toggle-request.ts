/** The visitor pressed the launcher (open when closed, close when open). */
export class AkeceToggleRequestEvent extends Event {
  static readonly eventName = 'akece-toggle-request';
  constructor() {
    super(AkeceToggleRequestEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface HTMLElementEventMap {
    'akece-toggle-request': AkeceToggleRequestEvent;
  }
}
