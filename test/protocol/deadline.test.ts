import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {Deadline} from '../../src/utils/deadline.js';

// The countdown behind the cable's staleness and the live region's read-out time: pushed back by
// every frame without a timer per push, and exact all the same.
describe('Deadline', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({now: 1_700_000_000_000, toFake: ['setTimeout', 'clearTimeout', 'Date']})));
  afterEach(() => clock.restore());

  it('runs once the last deadline set has passed, not before, and once', () => {
    const runs: number[] = [];
    const deadline = new Deadline(() => runs.push(Date.now()));
    const start = Date.now();
    deadline.setFromNow(6000);
    clock.tick(4000);
    deadline.setFromNow(6000); // pushed back: now due at 10 s
    clock.tick(5999);
    expect(runs, 'not at the first deadline').to.deep.equal([]);
    expect(deadline.pending).to.equal(true);
    clock.tick(1);
    expect(runs).to.deep.equal([start + 10000]);
    expect(deadline.pending).to.equal(false);
    clock.tick(60000);
    expect(runs, 'once').to.have.length(1);
  });

  it('keeps one timer however often it is pushed back', () => {
    const deadline = new Deadline(() => {});
    deadline.setFromNow(5000);
    for (let frame = 0; frame < 1000; frame++) {
      clock.tick(1);
      deadline.setFromNow(5000);
    }
    expect(clock.countTimers()).to.equal(1);
  });

  it('brings a deadline forward when set nearer', () => {
    let ran = 0;
    const deadline = new Deadline(() => ran++);
    deadline.setFromNow(6000);
    deadline.setFromNow(1000);
    clock.tick(1000);
    expect(ran).to.equal(1);
    expect(clock.countTimers(), 'the earlier timer is gone').to.equal(0);
  });

  it('does nothing once cancelled', () => {
    let ran = 0;
    const deadline = new Deadline(() => ran++);
    deadline.setFromNow(1000);
    deadline.cancel();
    clock.tick(5000);
    expect(ran).to.equal(0);
    expect(deadline.pending).to.equal(false);
    expect(clock.countTimers()).to.equal(0);
  });

  it('counts again from now when the clock is set back, instead of waiting for the old time', () => {
    let ran = 0;
    const deadline = new Deadline(() => ran++);
    deadline.setFromNow(6000);
    clock.tick(3000);
    deadline.setFromNow(6000);
    clock.setSystemTime(Date.now() - 3_600_000); // an hour back
    clock.tick(3000); // the first timer runs out: the deadline is an hour and 3 s away by the clock
    clock.tick(5999);
    expect(ran).to.equal(0);
    clock.tick(1);
    expect(ran, '6 s after the timer found the clock set back').to.equal(1);
  });
});
