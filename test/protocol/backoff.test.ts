import {expect} from '@open-wc/testing';
import {backoff} from '../../src/protocol/cable.js';

describe('backoff', () => {
  it('is random() * min(30 s, 0.5 s * 2^attempt)', () => {
    expect(backoff(3, () => 0.5)).to.equal(2000);
    expect(backoff(4, () => 0.25)).to.equal(2000);
    expect(backoff(6, () => 0.5)).to.equal(15000);
  });

  it('grows exponentially up to the 30 s cap', () => {
    const caps = [0, 1, 2, 3, 4, 5, 6, 7, 50, 2000].map((a) => backoff(a, () => 1));
    expect(caps).to.deep.equal([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
  });

  it('never goes below 0.5 s, whatever the jitter', () => {
    for (const a of [0, 1, 5, 20]) expect(backoff(a, () => 0)).to.equal(500);
    expect(backoff(1, () => 0.1)).to.equal(500);
  });

  it('stays within [0.5 s, cap] with the default Math.random', () => {
    for (let a = 0; a < 12; a++)
      for (let i = 0; i < 50; i++) {
        const d = backoff(a);
        expect(d).to.be.within(500, Math.min(30000, 500 * 2 ** a));
      }
  });
});
