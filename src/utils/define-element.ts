/**
 * Registers a custom element unless the tag is taken already. Host pages sometimes load the
 * widget twice (a CMS theme plus a plugin); the second registration must be harmless.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== ctor) console.warn(`<${tag}> is already defined; keeping the first definition.`);
    return;
  }
  customElements.define(tag, ctor);
}
