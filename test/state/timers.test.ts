import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {NamedTimers} from '../../src/state/timers.js';

describe('NamedTimers', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']})));
  afterEach(() => clock.restore());

  it('a restart counts from then, runs the latest callback once, and never the one it replaced', async () => {
    const timers = new NamedTimers<'seen'>();
    const ran: string[] = [];
    timers.start('seen', 100, () => ran.push('first'));
    await clock.tickAsync(60);
    timers.start('seen', 100, () => ran.push('second'));
    await clock.tickAsync(99);
    expect(ran).to.deep.equal([]);
    await clock.tickAsync(1);
    expect(ran).to.deep.equal(['second']);
    await clock.tickAsync(1000);
    expect(ran).to.deep.equal(['second']);
    expect(clock.countTimers()).to.equal(0);
  });

  it('a thousand restarts in a burst keep one timer, not a thousand replaced', async () => {
    const timers = new NamedTimers<'seen'>();
    const setTimeoutSpy = sinon.spy(globalThis, 'setTimeout');
    try {
      let ran = 0;
      for (let restart = 0; restart < 1000; restart++) timers.start('seen', 300, () => ran++);
      expect(clock.countTimers()).to.equal(1);
      expect(setTimeoutSpy.callCount).to.equal(1);
      await clock.tickAsync(300);
      expect(ran).to.equal(1);
    } finally {
      setTimeoutSpy.restore();
    }
  });

  it('a deadline brought forward runs at the earlier time', async () => {
    const timers = new NamedTimers<'retry'>();
    let ran = 0;
    timers.start('retry', 1000, () => ran++);
    timers.start('retry', 10, () => ran++);
    await clock.tickAsync(10);
    expect(ran).to.equal(1);
    await clock.tickAsync(2000);
    expect(ran).to.equal(1);
  });

  it('stop() and stopAll() leave no timer and run nothing; a stopped timer starts again', async () => {
    const timers = new NamedTimers<'a' | 'b'>();
    const ran: string[] = [];
    timers.start('a', 50, () => ran.push('a'));
    timers.start('b', 50, () => ran.push('b'));
    timers.stop('a');
    expect(clock.countTimers()).to.equal(1);
    timers.stopAll();
    expect(clock.countTimers()).to.equal(0);
    await clock.tickAsync(100);
    expect(ran).to.deep.equal([]);
    timers.start('a', 50, () => ran.push('a again'));
    await clock.tickAsync(50);
    expect(ran).to.deep.equal(['a again']);
  });
});
