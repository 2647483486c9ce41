import type {Message} from '../../src/state/model.js';

/** A wire message (REST/socket shape) with overrides. */
export const wire = (id: number, o: Record<string, unknown> = {}) => ({
  id,
  content: 'm' + id,
  message_type: 1,
  content_type: 'text',
  content_attributes: {},
  created_at: 1000 + id,
  conversation_id: 87,
  sender: {id: 7, name: 'Priya Nair', available_name: 'Priya', type: 'user'},
  ...o,
});

export const model = (o: Partial<Message> & {id: number | null}): Message => ({
  key: o.id == null ? 'echo:' + o.echoId : '' + o.id,
  echoId: null,
  conversationId: 87,
  role: 'agent',
  sender: {type: 'user', id: 7, name: 'Priya', avatarUrl: ''},
  content: 'x',
  body: {type: 'text'},
  attachments: [],
  createdAt: 1000,
  status: 'sent',
  deleted: false,
  read: false,
  answer: null,
  error: null,
  ...o,
});
