import {css} from 'lit';

/** The pre-chat form: one column of labelled fields, each error under its field. */
export const preChatFormStyles = css`
  form {
    display: flex;
    flex-direction: column;
    gap: 12px;
    padding: 12px;
  }
  .intro {
    margin: 0;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .field.checkbox {
    flex-flow: row wrap;
    align-items: center;
    gap: 8px;
  }
  .field.checkbox input {
    flex: none;
    width: 20px;
    height: 20px;
    margin: 0;
  }
  label {
    font-size: 14px;
    font-weight: 600;
  }
  .optional {
    margin-inline-start: 0.3em;
    font-weight: normal;
  }
  select {
    padding: 8px 12px;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_surface);
    color: inherit;
    font-size: max(16px, 1em);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    outline-color: var(--_danger);
  }
  .field-error {
    flex-basis: 100%;
    margin: 0;
    font-size: 13px;
    color: var(--_light, #b91c1c) var(--_dark, #fca5a5);
  }
  .submit {
    align-self: flex-start;
    padding: 8px 16px;
    border: 0;
    border-radius: 18px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
`;
