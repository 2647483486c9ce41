import {expect} from '@open-wc/testing';
import {dayLabel, GROUP_PAUSE_MS, startsDay, startsGroup} from '../../src/components/message-list/grouping.js';
import {msg, visitor} from './fixtures.js';

describe('message grouping', () => {
  const at = new Date(2024, 4, 1, 12, 0).getTime();
  const agent = (id: number, type: 'user' | 'agent_bot', o = {}) => msg({sender: {type, id, name: `${type} ${id}`, avatarUrl: ''}, createdAt: at, ...o});

  it('groups one sender: same role, sender type and id, the same day, no long pause', () => {
    expect(startsGroup(agent(3, 'user'), undefined)).to.be.true;
    expect(startsGroup(agent(3, 'user', {createdAt: at + 1000}), agent(3, 'user'))).to.be.false;
    expect(startsGroup(agent(3, 'user'), agent(3, 'agent_bot')), 'a bot and an agent with one id').to.be.true;
    expect(startsGroup(agent(4, 'user'), agent(3, 'user'))).to.be.true;
    expect(startsGroup(agent(3, 'user', {createdAt: at + GROUP_PAUSE_MS + 1}), agent(3, 'user'))).to.be.true;
    expect(startsGroup(agent(3, 'user', {createdAt: at + GROUP_PAUSE_MS}), agent(3, 'user'))).to.be.false;
    expect(startsGroup(visitor({createdAt: at + 1}), visitor({createdAt: at}))).to.be.false;
    expect(startsGroup(visitor({createdAt: at + 1}), agent(1, 'user'))).to.be.true;
    const note = msg({role: 'system', sender: null, body: {type: 'status', status: 'resolved'}, createdAt: at});
    expect(startsGroup(agent(3, 'user', {createdAt: at + 1}), note)).to.be.true;
  });

  it('never groups across midnight', () => {
    const late = new Date(2024, 4, 1, 23, 59).getTime();
    const early = new Date(2024, 4, 2, 0, 1).getTime();
    expect(startsDay(agent(3, 'user', {createdAt: early}), agent(3, 'user', {createdAt: late}))).to.be.true;
    expect(startsGroup(agent(3, 'user', {createdAt: early}), agent(3, 'user', {createdAt: late}))).to.be.true;
    expect(startsDay(agent(3, 'user', {createdAt: late}), agent(3, 'user', {createdAt: at}))).to.be.false;
  });

  it('labels days: Today, Yesterday, else the date (with its year when not this one), in the locale', () => {
    const now = new Date(2024, 4, 10, 9, 0).getTime();
    expect(dayLabel(new Date(2024, 4, 10, 0, 5).getTime(), now, 'en')).to.equal('Today');
    expect(dayLabel(new Date(2024, 4, 9, 23, 55).getTime(), now, 'en')).to.equal('Yesterday');
    expect(dayLabel(new Date(2024, 4, 9, 23, 55).getTime(), now, 'de')).to.equal('Gestern');
    expect(dayLabel(new Date(2024, 4, 3).getTime(), now, 'en')).to.equal('Friday, May 3');
    expect(dayLabel(new Date(2023, 11, 31).getTime(), now, 'en')).to.equal('Sunday, December 31, 2023');
  });
});
