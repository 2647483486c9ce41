// Checking one answer of the pre-chat form: the catalogue key of what is wrong, or null. Done
// by the widget, not the browser's own validation, so that the message is in the UI language
// and tied to its field.
import type {PreChatField} from '../../state/pre-chat-form.js';

export type FieldError = 'error_required' | 'error_checkbox' | 'error_select' | 'error_email' | 'error_phone' | 'error_pattern' | 'error_number';

/** An answer as the field holds it: its text, or a checkbox's state. */
export type RawAnswer = string | boolean;

/** A plausible address: something, @, a domain with a dot; no spaces. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
/** E.164, as the server requires a contact's phone number: +, country code, up to 15 digits. */
const E164 = /^\+[1-9]\d{6,14}$/;

/** A phone number as typed ("+1 (555) 123-4567") in E.164 ("+15551234567"). */
export const phoneNumber = (typed: string) => typed.replace(/[\s().-]/g, '');

/** `pattern` as HTML reads it: the whole value must match; an invalid pattern checks nothing. */
function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    return true;
  }
}

export function validateAnswer(field: PreChatField, answer: RawAnswer): FieldError | null {
  if (field.type == 'checkbox') return field.required && answer !== true ? 'error_checkbox' : null;
  const value = String(answer).trim();
  if (!value) return field.required ? (field.type == 'select' ? 'error_select' : 'error_required') : null;
  if (field.type == 'email' && !EMAIL.test(value)) return 'error_email';
  if (field.type == 'tel' && !E164.test(phoneNumber(value))) return 'error_phone';
  if (field.type == 'number' && !Number.isFinite(Number(value))) return 'error_number';
  if (field.pattern && !matches(field.pattern, value)) return 'error_pattern';
  return null;
}

/** The answer as it is sent: trimmed text, a number, a phone number in E.164, a checkbox's state. */
export function answerValue(field: PreChatField, answer: RawAnswer): string | number | boolean {
  if (field.type == 'checkbox') return answer === true;
  const value = String(answer).trim();
  if (field.type == 'number' && value) return Number(value);
  if (field.type == 'tel') return phoneNumber(value);
  return value;
}
