import {html} from 'lit';

// The panel's sound and notification toggles: static, stroke-drawn 24×24 icons (our own
// paths), decorative (the buttons carry the names). Apart from src/components/icons.ts, whose
// icons the page-start chunk carries.
const icon = (d: string) => html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d=${d}></path></svg>`;

export const soundIcon = icon('M4 9h4l5-4v14l-5-4H4zM16 9a4 4 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11');
export const mutedIcon = icon('M4 9h4l5-4v14l-5-4H4zM16 9l6 6M22 9l-6 6');
export const bellIcon = icon('M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0');
