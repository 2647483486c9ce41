import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {LazyModule} from '../../src/controllers/lazy-module.js';
import {loadAgainAfter} from '../../src/controllers/lazy-retry.js';

// A chunk that loads on first need. A refused file must not be asked for on every render: each
// failure re-renders the element, so asking again at every render was a request loop.
describe('LazyModule, and loadAgainAfter', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({now: 1_700_000_000_000, toFake: ['Date']})));
  afterEach(() => clock.restore());

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

  it('after a failure, asks again only when the visitor acts or the wait has passed, however often the host renders', async () => {
    const {module, seen} = refusedModule();
    await settle(loadAgainAfter(module, 10_000));
    expect(seen).to.include({imports: 1, errors: 1, renders: 1});
    expect(module.error).to.be.instanceOf(TypeError);
    // The failure re-rendered the host; every render asks for the module again.
    for (let render = 0; render < 50; render++) await settle(loadAgainAfter(module, 10_000));
    expect(seen.imports, 'not once per render').to.equal(1);
    clock.tick(10_000);
    seen.refused = false;
    const loaded = await loadAgainAfter(module, 10_000);
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
    clock.tick(60_000);
    await loadAgainAfter(module, 0);
    expect(seen.imports, 'kept once arrived').to.equal(2);
  });
});
