// The direction `dir="auto"` would give a text, computed in JS: the direction of its first
// strongly directional letter. Right-to-left letters are those of the right-to-left scripts.

const RIGHT_TO_LEFT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;
const FIRST_LETTER = /\p{L}/u;

/**
 * 'rtl' or 'ltr' by the first letter of `text` (digits, punctuation and spaces are neutral), or
 * '' when it has none (the field then takes the widget's direction). Stops at the first letter,
 * so a long text costs no more than its leading neutral characters.
 */
export const textDirection = (text: string): 'rtl' | 'ltr' | '' => {
  const letter = FIRST_LETTER.exec(text)?.[0];
  return !letter ? '' : RIGHT_TO_LEFT.test(letter) ? 'rtl' : 'ltr';
};
