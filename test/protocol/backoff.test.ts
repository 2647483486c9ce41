import {expect} from '@open-wc/testing';
import {backoff} from '../../src/utils/backoff.js';

describe('backoff', () => {
  it('is uniform in [0.5 s, min(30 s, max(1.5 s, 1 s * 2^attempt))]', () => {
    expect(backoff(0, () => 0.5)).to.equal(1000);
    expect(backoff(1, () => 0.5)).to.equal(1250);
    expect(backoff(3, () => 0.5)).to.equal(4250);
    expect(backoff(4, () => 0.25)).to.equal(4375);
  });

  it('grows exponentially up to the 30 s cap', () => {
    const caps = [0, 1, 2, 3, 4, 5, 6, 7, 50, 2000].map((a) => backoff(a, () => 1));
    expect(caps).to.deep.equal([1500, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000, 30000]);
  });

  it('never goes below 0.5 s, whatever the jitter', () => {
    for (const a of [0, 1, 5, 20]) expect(backoff(a, () => 0)).to.equal(500);
  });

  it('jitters from the first retry on: 500 clients never retry in one 100 ms window', () => {
    const first = Array.from({length: 500}, () => backoff(0));
    const windows = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
    const busiest = Math.max(...windows.map((w) => first.filter((d) => d >= w * 100 && d < (w + 1) * 100).length));
    expect(busiest).to.be.below(500 / 10 + 25); // uniform over a second: about a tenth each
    expect(new Set(first.map((d) => Math.floor(d / 100))).size).to.equal(10);
  });

  it('stays within [0.5 s, cap] with the default Math.random', () => {
    for (let a = 0; a < 12; a++)
      for (let i = 0; i < 50; i++) {
        const d = backoff(a);
        expect(d).to.be.within(500, Math.min(30000, Math.max(1500, 1000 * 2 ** a)));
      }
  });
});
