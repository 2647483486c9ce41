import type {HttpMethod, RestClient} from './client.js';
import {
  anyAnswer,
  isContact,
  isConversation,
  isList,
  isMessage,
  type AnswerShape,
  type ContactAttributesDto,
  type ContactDto,
  type ConversationDto,
  type MessageDto,
  type NewMessageDto,
  type SubmittedValuesDto,
  type JsonObject,
  type TypingDto,
} from './types.js';

/** The body of a visitor's message: JSON, or multipart (`attachments[]`) when files are attached. */
export function newMessageBody(content: string, echoId: string, files?: readonly File[]): NewMessageDto {
  if (!files?.length) return {content, echo_id: echoId};
  const form = new FormData();
  form.append('content', content);
  form.append('echo_id', echoId);
  for (const file of files) form.append('attachments[]', file);
  return form;
}

/** Where ContactApi reads who it acts as and what cancels its calls. */
export interface ContactApiContext {
  /** The current contact's source id; none: calls go to the contacts collection. */
  contactId(): string | undefined;
  /** Aborts every call in flight (the session's, renewed when it drops everything). */
  signal(): AbortSignal;
}

/**
 * The endpoints of the public client API the widget uses, named, typed and acting as the current
 * contact. Each resolves with an answer of the checked shape or rejects with an ApiError.
 */
export class ContactApi {
  constructor(
    private readonly client: RestClient,
    private readonly context: ContactApiContext
  ) {}

  /** Whether an inbox identifier is set (without one every call fails with reason 'config'). */
  get configured(): boolean {
    return this.client.configured;
  }

  createContact(attributes: ContactAttributesDto): Promise<ContactDto> {
    return this.client.request({method: 'POST', expect: isContact, body: attributes, signal: this.context.signal()});
  }

  /** The current contact, as the server knows it (its pubsub token included). */
  getContact(): Promise<ContactDto> {
    return this.call('GET', '', isContact);
  }

  updateContact(attributes: ContactAttributesDto): Promise<unknown> {
    return this.call('PATCH', '', anyAnswer, attributes);
  }

  /** The contact's conversations, as the server sends them: every item still to be checked. */
  listConversations(): Promise<readonly unknown[]> {
    return this.call('GET', '/conversations', isList);
  }

  getConversation(id: number): Promise<ConversationDto> {
    return this.call('GET', conversationPath(id), isConversation);
  }

  /** A new conversation, with its custom attributes if any. */
  createConversation(customAttributes?: Record<string, unknown>): Promise<ConversationDto> {
    return this.call('POST', '/conversations', isConversation, customAttributes ? {custom_attributes: customAttributes} : {});
  }

  /** Resolves the conversation (the contact cannot reopen one: a new message does). */
  toggleStatus(id: number): Promise<ConversationDto> {
    return this.call('POST', conversationPath(id, '/toggle_status'), isConversation, {});
  }

  /** A page of messages: the latest, or the one before message `before`. */
  getMessages(conversationId: number, before?: number): Promise<readonly unknown[]> {
    return this.call('GET', conversationPath(conversationId, '/messages' + (before ? '?before=' + before : '')), isList);
  }

  postMessage(conversationId: number, body: NewMessageDto): Promise<MessageDto> {
    return this.call('POST', conversationPath(conversationId, '/messages'), isMessage, body);
  }

  /** Answers a bot or CSAT message. */
  submitAnswer(conversationId: number, messageId: number, values: SubmittedValuesDto): Promise<MessageDto> {
    return this.call('PATCH', conversationPath(conversationId, '/messages/' + messageId), isMessage, {submitted_values: values});
  }

  toggleTyping(conversationId: number, typing: TypingDto): Promise<unknown> {
    return this.call('POST', conversationPath(conversationId, '/toggle_typing'), anyAnswer, typing);
  }

  updateLastSeen(conversationId: number): Promise<unknown> {
    return this.call('POST', conversationPath(conversationId, '/update_last_seen'), anyAnswer, {});
  }

  private call<T>(method: HttpMethod, path: string, expect: AnswerShape<T>, body?: JsonObject | FormData): Promise<T> {
    return this.client.request({method, contact: this.context.contactId(), path, expect, body, signal: this.context.signal()});
  }
}

const conversationPath = (id: number, tail = '') => `/conversations/${id}${tail}`;
