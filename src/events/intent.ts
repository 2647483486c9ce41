/**
 * Internal intent events (child → root, which stops them there) are plain `Event`s named
 * `akece-<name>`, bubbling and composed so they cross every shadow root, with the payload as
 * readonly fields. Their types are declared per file in this folder (and in
 * `HTMLElementEventMap`); no classes, so they cost the bundle one function.
 */
export type Intent<P extends object = object> = Event & Readonly<P>;

type Payload<N extends string> = `akece-${N}` extends keyof HTMLElementEventMap ? Omit<HTMLElementEventMap[`akece-${N}`], keyof Event> : never;

/** Nothing to pass when every field of the payload is optional (or there is none). */
type PayloadArguments<N extends string> = Partial<Payload<N>> extends Payload<N> ? [] : [Payload<N>];

/** Dispatches the intent `akece-${name}` from `target` (an element, or a node of a template function's click). */
export const fire: <N extends string>(target: EventTarget, name: N, ...payload: PayloadArguments<N>) => boolean = (
  target: EventTarget,
  name: string,
  payload?: object
) => target.dispatchEvent(Object.assign(new Event('akece-' + name, {bubbles: true, composed: true}), payload));
