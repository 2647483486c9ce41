import {css} from 'lit';

/** Layout of the root: a floating corner widget, or an inline panel that fills the element. */
export const styles = css`
  :host {
    display: block;
  }
  :host([layout='inline']) {
    height: var(--akece-panel-height);
  }
  :host([position='left']) {
    --akece-corner: start;
  }
  :host([position='left']) [part='launcher'],
  :host([position='left']) .float {
    inset-inline-end: auto;
    inset-inline-start: var(--akece-offset-inline);
  }
  /* Shown when the panel's own chunk did not load, so without the panel's sheet. */
  .module-error {
    margin: 8px 12px;
    padding: 8px 12px;
    border: 2px solid var(--_danger);
    border-radius: 8px;
  }
  @media (max-width: 480px) {
    :host([open][layout='floating']) [part='launcher'] {
      display: none;
    }
  }
`;

/** The root's rules for its panel, adopted with the panel's chunk (src/chat/panel-view.ts). */
export const panelLayoutStyles = css`
  akece-message-list {
    flex: 1;
    min-height: 0;
  }
  @media (max-width: 480px) {
    .float {
      padding: env(safe-area-inset-top) env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left);
      height: 100dvh;
    }
  }
`;
