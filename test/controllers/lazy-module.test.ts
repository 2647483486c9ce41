import {expect} from '@open-wc/testing';
import {LazyModule} from '../../src/controllers/lazy-module.js';

// A chunk that loads on first need. A refused file must not be asked for on every render: each
// failure re-renders the element, so asking again at every render was a request loop.
describe('LazyModule', () => {
  /** A module whose import fails while `refused` is true, counting the imports and renders. */
  function refusedModule() {
    const seen = {imports: 0, renders: 0, errors: 0, refused: true};
    const module = new LazyModule<{name: string}>(
      {requestUpdate: () => seen.renders++} as never,
      async () => {
        seen.imports++;
        if (seen.refused) throw new TypeError('Failed to fetch dynamically imported module');
        return {name: 'view'};
      },
      () => seen.errors++
    );
    return {module, seen};
  }
  const settle = (promise: Promise<unknown>) => promise.catch(() => undefined);

  it('after a failure, does not ask again however often the host renders, until the visitor acts', async () => {
    const {module, seen} = refusedModule();
    await settle(module.load());
    expect(seen).to.include({imports: 1, errors: 1, renders: 1});
    expect(module.error).to.be.instanceOf(TypeError);
    // The failure re-rendered the host; every render asks for the module again.
    for (let render = 0; render < 50; render++) await settle(module.load());
    expect(seen.imports, 'not once per render').to.equal(1);
    seen.refused = false;
    const loaded = await module.load({again: true});
    expect(loaded.name).to.equal('view');
    expect(seen.imports).to.equal(2);
    expect(module.error).to.equal(null);
  });

  it('asks again at once when the visitor acts, and never after the module arrived', async () => {
    const {module, seen} = refusedModule();
    await settle(module.load());
    await settle(module.load());
    expect(seen.imports).to.equal(1);
    seen.refused = false;
    await module.load({again: true});
    expect(seen.imports).to.equal(2);
    await module.load({again: true});
    expect(seen.imports, 'kept once arrived').to.equal(2);
  });
});
