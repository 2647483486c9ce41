// Settings of the element that only a later chunk uses (contract §9–§12: `greeting`, `sound`,
// `max-attachment-size`, `preChatForm`, …). Declaring them as Lit properties of <akece-chat>
// would put their names and converters into the page-start script, which every page pays for
// (contract §8); instead the chunk that needs a setting reads it here, and this controller
// re-renders the element when one of its attributes or properties changes.
import type {ReactiveController, ReactiveControllerHost} from 'lit';

export type SettingsHost = ReactiveControllerHost & HTMLElement;

/** Property values by element: one store, whichever chunk's HostSettings defined the accessor. */
const propertyValues = new WeakMap<HTMLElement, Map<string, unknown>>();

/** `reply-time` → `replyTime`: the property that stands for an attribute. */
const propertyOf = (attribute: string) => attribute.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

/**
 * The element's later settings, read where they are used. Attributes are watched with a
 * MutationObserver; properties become accessors on the element itself, keeping a value the page
 * set before this chunk arrived. Each attribute has its property too (`reply-time`:
 * `replyTime`), as the contract's older settings do, so that a page (or the snippet's
 * `akeceChatSettings`, which assigns properties) may set either; the attribute wins.
 */
export class HostSettings implements ReactiveController {
  readonly #host: SettingsHost;
  readonly #observer: MutationObserver;
  readonly #attributes: readonly string[];

  /**
   * @param attributes the attributes this chunk reads (changes to others do not re-render)
   * @param properties the properties this chunk reads (plain values the page assigns)
   */
  constructor(host: SettingsHost, attributes: readonly string[], properties: readonly string[] = []) {
    this.#host = host;
    this.#attributes = attributes;
    this.#observer = new MutationObserver(() => host.requestUpdate());
    for (const name of [...properties, ...attributes.map(propertyOf)]) defineProperty(host, name);
    host.addController(this); // Lit calls hostConnected() at once if the element is connected
  }

  hostConnected() {
    if (this.#attributes.length) this.#observer.observe(this.#host, {attributes: true, attributeFilter: [...this.#attributes]});
  }

  hostDisconnected() {
    this.#observer.disconnect();
  }

  /** The attribute's value, else its property's (true counts as present, false as absent), or null. */
  attribute(name: string): string | null {
    const value: unknown = this.#host.getAttribute(name) ?? this.property(propertyOf(name));
    return value == null || value === false ? null : value === true ? '' : String(value);
  }

  /** A boolean attribute: present (or its property true) means on. */
  flag(name: string): boolean {
    return this.attribute(name) != null;
  }

  /** One of `allowed` (compared without case), else `fallback`. */
  choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.attribute(name)?.trim().toLowerCase();
    return allowed.find((option) => option == value) ?? fallback;
  }

  /** A finite number above zero, else `fallback`. */
  positiveNumber(name: string, fallback: number): number {
    const value = Number(this.attribute(name));
    return Number.isFinite(value) && value > 0 ? value : fallback;
  }

  /** What the page last assigned to the property (undefined if nothing). */
  property<T>(name: string): T | undefined {
    return propertyValues.get(this.#host)?.get(name) as T | undefined;
  }
}

/** Makes `name` an accessor of the element that re-renders it, once per element. */
function defineProperty(host: SettingsHost, name: string) {
  let values = propertyValues.get(host);
  if (!values) propertyValues.set(host, (values = new Map()));
  if (values.has(name)) return;
  const own = Object.getOwnPropertyDescriptor(host, name);
  values.set(name, own?.value);
  Object.defineProperty(host, name, {
    configurable: true,
    enumerable: true,
    get: () => values.get(name),
    set: (value: unknown) => {
      values.set(name, value);
      host.requestUpdate();
    },
  });
}
