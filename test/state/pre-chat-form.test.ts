import {expect} from '@open-wc/testing';
import {DEFAULT_FORM, EMAIL_FIELD, formFrom, placeAnswers, stillToAsk, withEmail} from '../../src/state/pre-chat-form.js';

describe('pre-chat form model', () => {
  it('checks the page’s preChatForm: unknown types are text, nameless fields and selects without options are dropped', () => {
    expect(formFrom(null)).to.equal(null);
    expect(formFrom({fields: 'no'})).to.equal(null);
    expect(formFrom({fields: [{label: 'No name'}]})).to.equal(null);
    const form = formFrom({
      intro: 7,
      fields: [
        {name: ' city ', type: 'color', label: 'City', required: 'yes'},
        {name: 'plan', type: 'select', options: []},
        {name: 'size', type: 'select', options: ['S', {value: 'M'}, {label: 'Large', value: 'L'}, {}, 3], target: 'conversation'},
        null,
      ],
    })!;
    expect(form.intro).to.equal('');
    expect(form.fields.map((field) => [field.name, field.type, field.required, field.target])).to.deep.equal([
      ['city', 'text', false, 'contact'],
      ['size', 'select', false, 'conversation'],
    ]);
    expect(form.fields[1].options).to.deep.equal([
      {label: 'S', value: 'S'},
      {label: 'M', value: 'M'},
      {label: 'Large', value: 'L'},
    ]);
  });

  it('skips what setUser gave (the contact’s own fields and its custom attributes), never a conversation field', () => {
    const form = formFrom({fields: [{name: 'name'}, {name: 'email'}, {name: 'company'}, {name: 'topic', target: 'conversation'}]})!;
    const names = (user: Record<string, unknown>) => stillToAsk(form, user)?.fields.map((field) => field.name) ?? null;
    expect(names({})).to.deep.equal(['name', 'email', 'company', 'topic']);
    expect(names({name: 'Ann', email: '', custom_attributes: {company: 'Acme', topic: 'x'}})).to.deep.equal(['email', 'topic']);
    expect(stillToAsk(DEFAULT_FORM, {name: 'Ann', email: 'a@b.c'})).to.equal(null);
  });

  it('outside working hours, the email becomes required, or is added', () => {
    expect(withEmail(null).fields).to.deep.equal([EMAIL_FIELD]);
    const optional = formFrom({fields: [{name: 'email', type: 'email'}]})!;
    expect(withEmail(optional).fields.map((field) => [field.name, field.required])).to.deep.equal([['email', true]]);
    const other = formFrom({fields: [{name: 'email', target: 'conversation'}]})!;
    expect(withEmail(other).fields.map((field) => [field.name, field.target])).to.deep.equal([
      ['email', 'conversation'],
      ['email', 'contact'],
    ]);
  });

  it('places the answers: the contact’s own fields, its custom attributes, the conversation’s; empty answers nowhere', () => {
    const form = formFrom({fields: [{name: 'name'}, {name: 'phone_number', type: 'tel'}, {name: 'age', type: 'number'}, {name: 'terms', type: 'checkbox'}, {name: 'order', target: 'conversation'}, {name: 'note'}]})!;
    expect(placeAnswers(form, {name: 'Ann', phone_number: '+15551234567', age: 42, terms: false, order: 'AB-1', note: ''})).to.deep.equal({
      contact: {name: 'Ann', phone_number: '+15551234567', custom_attributes: {age: 42, terms: false}},
      conversation: {order: 'AB-1'},
    });
    expect(placeAnswers(form, {name: 'Ann'})).to.deep.equal({contact: {name: 'Ann'}, conversation: {}});
  });
});
