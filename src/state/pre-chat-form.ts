// The pre-chat form's model (contract §11): what the page may give as `preChatForm`, checked
// and normalised; which fields still need asking once `setUser` has told what it knows; and
// where each answer goes (the contact, its custom attributes, or the new conversation's).
import type {ContactAttributesDto} from '../api/types.js';

export const FIELD_TYPES = ['text', 'email', 'tel', 'number', 'textarea', 'select', 'checkbox'] as const;
export type PreChatFieldType = (typeof FIELD_TYPES)[number];

/** A choice of a `select` field. */
export interface PreChatOption {
  readonly label: string;
  readonly value: string;
}

export interface PreChatField {
  /** The attribute it fills: `name`, `email` and `phone_number` are the contact's own. */
  readonly name: string;
  /** What the visitor reads; '' for the built-in fields, which the UI names in its language. */
  readonly label: string;
  readonly type: PreChatFieldType;
  readonly required: boolean;
  readonly options: readonly PreChatOption[];
  /** A regular expression the whole value must match (as HTML's `pattern`); '' none. */
  readonly pattern: string;
  readonly placeholder: string;
  readonly target: 'contact' | 'conversation';
}

export interface PreChatForm {
  readonly fields: readonly PreChatField[];
  /** Text above the fields; '' for the UI's own. */
  readonly intro: string;
}

/** One answer per field name: text, a number, or a checkbox's state. */
export type PreChatValues = Readonly<Record<string, string | number | boolean>>;

/** The contact's own fields; any other contact field goes into its `custom_attributes`. */
export const CONTACT_FIELDS: readonly string[] = ['name', 'email', 'phone_number'];

const text = (value: unknown): string => (typeof value == 'string' ? value : '');

const builtIn = (name: string, type: PreChatFieldType): PreChatField => ({name, label: '', type, required: true, options: [], pattern: '', placeholder: '', target: 'contact'});

/** The form of the boolean attribute `pre-chat`: name and email, both required. */
export const DEFAULT_FORM: PreChatForm = {fields: [builtIn('name', 'text'), builtIn('email', 'email')], intro: ''};

/** Asked outside working hours with `away-mode="email"`: where to reply. */
export const EMAIL_FIELD = builtIn('email', 'email');

function optionOf(option: unknown): PreChatOption | null {
  if (typeof option == 'string') return {label: option, value: option};
  if (typeof option == 'object' && option != null) {
    const {label, value} = option as {label?: unknown; value?: unknown};
    const given = text(value) || text(label);
    return given ? {label: text(label) || given, value: given} : null;
  }
  return null;
}

function fieldOf(entry: unknown): PreChatField | null {
  if (typeof entry != 'object' || entry == null) return null;
  const field = entry as Record<string, unknown>;
  const name = text(field.name).trim();
  const type = FIELD_TYPES.find((known) => known == field.type) ?? 'text';
  if (!name) return null;
  const options = Array.isArray(field.options) ? field.options.map(optionOf).filter((option) => option != null) : [];
  if (type == 'select' && !options.length) return null;
  return {
    name,
    label: text(field.label),
    type,
    required: field.required === true,
    options,
    pattern: text(field.pattern),
    placeholder: text(field.placeholder),
    target: field.target == 'conversation' ? 'conversation' : 'contact',
  };
}

/** The page's `preChatForm`, checked: fields without a name (or a select without options) are dropped; null when nothing is left. */
export function formFrom(value: unknown): PreChatForm | null {
  if (typeof value != 'object' || value == null) return null;
  const {fields, intro} = value as {fields?: unknown; intro?: unknown};
  const checked = Array.isArray(fields) ? fields.map(fieldOf).filter((field) => field != null) : [];
  return checked.length ? {fields: checked, intro: text(intro)} : null;
}

/** Whether `setUser` (or the page's custom attributes) already gave this contact field. */
function known(field: PreChatField, user: ContactAttributesDto): boolean {
  if (field.target != 'contact') return false;
  const value = CONTACT_FIELDS.includes(field.name) ? user[field.name] : user.custom_attributes?.[field.name];
  return value != null && value !== '';
}

/** The form without the fields already known; null when none is left to ask. */
export function stillToAsk(form: PreChatForm, user: ContactAttributesDto): PreChatForm | null {
  const fields = form.fields.filter((field) => !known(field, user));
  return fields.length ? {...form, fields} : null;
}

/** Adds a required email field (outside working hours, to reply to), unless the form asks for one. */
export function withEmail(form: PreChatForm | null): PreChatForm {
  if (!form) return {fields: [EMAIL_FIELD], intro: ''};
  const fields = form.fields.map((field) => (field.name == 'email' && field.target == 'contact' ? {...field, required: true} : field));
  return {...form, fields: fields.some((field) => field.name == 'email' && field.target == 'contact') ? fields : [...fields, EMAIL_FIELD]};
}

/** Where the answers go: the contact's own fields, its custom attributes, the conversation's. */
export function placeAnswers(form: PreChatForm, values: PreChatValues): {contact: ContactAttributesDto; conversation: Record<string, unknown>} {
  const contact: ContactAttributesDto = {};
  const custom: Record<string, unknown> = {};
  const conversation: Record<string, unknown> = {};
  for (const field of form.fields) {
    const value = values[field.name];
    if (value == null || value === '') continue;
    if (field.target == 'conversation') conversation[field.name] = value;
    else if (CONTACT_FIELDS.includes(field.name)) contact[field.name] = String(value);
    else custom[field.name] = value;
  }
  if (Object.keys(custom).length) contact.custom_attributes = custom;
  return {contact, conversation};
}
