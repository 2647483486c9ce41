// The shapes of Akece's public client API (shared/protocol/README.md §5), as the server sends
// and accepts them: snake_case, unix seconds, optional fields. Nothing here is trusted: the
// shape checks below are what the client verifies before it hands an answer on, and
// state/normalize.ts guards every field it reads.

/** A JSON object as JSON.parse makes them. */
export type JsonObject = Record<string, unknown>;

/** `POST /contacts` and `GET /contacts/{source_id}`. */
export interface ContactDto {
  readonly source_id: string;
  readonly pubsub_token: string;
  readonly id?: number;
  readonly name?: string | null;
  readonly email?: string | null;
  readonly phone_number?: string | null;
  readonly [key: string]: unknown;
}

/** The visitor's details, sent when a contact is created or updated. */
export interface ContactAttributesDto {
  identifier?: string;
  identifier_hash?: string;
  name?: string;
  email?: string;
  phone_number?: string;
  avatar_url?: string;
  custom_attributes?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A conversation (`id` is its display id). */
export interface ConversationDto {
  readonly id: number;
  readonly status?: unknown;
  /** Unix seconds. */
  readonly contact_last_seen_at?: unknown;
  readonly [key: string]: unknown;
}

/** A message. Only `id` is checked; the state layer guards every other field. */
export interface MessageDto {
  readonly id: number;
  readonly echo_id?: unknown;
  readonly [key: string]: unknown;
}

/** The body of a visitor's message: JSON, or multipart when files are attached. */
export type NewMessageDto = {content: string; echo_id: string} | FormData;

/** An answer to a bot or CSAT message, in the shape its content type needs. */
export type SubmittedValuesDto =
  | {csat_survey_response: {rating: number; feedback_message: string}}
  | readonly {readonly title: string; readonly value: string; readonly name?: string}[];

/** `toggle_typing`'s body. */
export type TypingDto = {
  typing_status: 'on' | 'off';
};

/** A check of an answer's shape: a type guard the client runs before resolving. */
export type AnswerShape<T> = (value: unknown) => value is T;

/** A plain object as JSON.parse makes them: not null, not an array. */
export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value == 'object' && value != null && Object.getPrototypeOf(value) == Object.prototype;

export const isContact = (value: unknown): value is ContactDto =>
  isJsonObject(value) && typeof value.source_id == 'string' && typeof value.pubsub_token == 'string';

/** Conversations and messages: anything with a numeric id. */
export const hasNumericId = (value: unknown): value is {readonly id: number; readonly [key: string]: unknown} =>
  isJsonObject(value) && Number.isFinite(value.id);

export const isConversation: AnswerShape<ConversationDto> = hasNumericId;
export const isMessage: AnswerShape<MessageDto> = hasNumericId;

/** A list; its items are checked one by one by whoever reads them. */
export const isList = (value: unknown): value is readonly unknown[] => Array.isArray(value);

/** Any answer at all (an empty 200 is ''). */
export const anyAnswer = (value: unknown): value is unknown => (void value, true);
