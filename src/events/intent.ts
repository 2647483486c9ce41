/**
 * Makes an internal intent event class (child → root, which stops it there): bubbling and
 * composed so it crosses every shadow root, with `static eventName` and the payload as readonly
 * fields. One factory instead of seven hand-written classes keeps the bundle small.
 */
export const intent = <P extends object = object>(eventName: string) =>
  Object.assign(
    class extends Event {
      constructor(p?: P) {
        super(eventName, {bubbles: true, composed: true});
        Object.assign(this, p);
      }
    } as unknown as new (...p: object extends P ? [] : [P]) => Event & Readonly<P>,
    {eventName}
  );

/** Dispatches `ev` from the element whose listener runs (template functions have no host of their own). */
export const fire = (e: Event, ev: Event) => e.currentTarget!.dispatchEvent(ev);
