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
