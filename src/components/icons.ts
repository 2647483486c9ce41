import {html} from 'lit';

// Static, stroke-drawn 24×24 icons (our own paths); decorative, the buttons carry the names.
// Inside an html template the parser puts <svg>'s children in the SVG namespace by itself.
export const icon = (d: string) => html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d=${d}></path></svg>`;

export const chatIcon = icon('M4 5h16v11H10l-6 4z');
export const closeIcon = icon('M6 6l12 12M18 6 6 18');
export const sendIcon = icon('M4 12 20 4l-6 16-3-7z');
export const attachIcon = icon('M16 7l-7 7a2 2 0 0 0 3 3l7-7a4 4 0 0 0-6-6l-7 7a6 6 0 0 0 8 8l6-6');
