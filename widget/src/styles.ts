import { css } from 'lit';

// Adopted as a constructed stylesheet (no <style> or style attributes), so a page's strict CSP never blocks it. Sizes
// are in em and rem so the widget follows the page's font size; colours are custom properties a page may set.
export const widgetStyles = css`
  :host {
    display: block;
    font-family: var(--sg-font-family, inherit);
    font-size: 1em;
    line-height: 1.5;
    color: var(--sg-text, #0b0c0c);
    background: var(--sg-background, #ffffff);
  }
  :host([hidden]) { display: none; }
  .box { border: 0.125em solid var(--sg-border, #505a5f); border-radius: 0.25em; padding: 1em; }
  h2, h3, h4 { line-height: 1.25; margin: 0 0 0.5em; }
  h2 { font-size: 1.5em; }
  h3 { font-size: 1.25em; margin-top: 1em; }
  h4 { font-size: 1.1em; margin-top: 0.75em; }
  p { margin: 0 0 0.75em; }
  ol, ul { margin: 0 0 0.75em; padding-left: 1.25em; }
  .plain { list-style: none; padding-left: 0; }
  li { margin-bottom: 0.5em; }
  a { color: var(--sg-link, #1d4ed8); text-decoration: underline; text-underline-offset: 0.15em; }
  a:hover { text-decoration-thickness: 0.2em; }
  a:focus-visible, button:focus-visible {
    outline: 0.2em solid var(--sg-focus-ring, #0b0c0c);
    outline-offset: 0.1em;
    background: var(--sg-focus, #ffdd00);
    color: #0b0c0c;
    text-decoration: none;
  }
  .danger {
    font-weight: bold;
    border-left: 0.3em solid var(--sg-emergency, #b10e1e);
    padding-left: 0.6em;
  }
  .mark {
    display: inline-block;
    font-size: 0.875em;
    border: 0.0625em solid currentColor;
    border-radius: 0.25em;
    padding: 0 0.35em;
    margin: 0 0 0.35em;
  }
  .quiet { font-size: 0.875em; }
  .quick-exit {
    font: inherit;
    font-weight: bold;
    color: var(--sg-exit-text, #ffffff);
    background: var(--sg-exit, #b10e1e);
    border: 0.125em solid transparent;
    border-radius: 0.25em;
    padding: 0.5em 1em;
    margin-bottom: 1em;
    cursor: pointer;
    transition: background-color 0.2s;
  }
  .quick-exit:hover { background: var(--sg-exit-hover, #8a0b17); }
  @media (prefers-reduced-motion: reduce) {
    * { transition: none !important; animation: none !important; }
  }
  @media (forced-colors: active) {
    .quick-exit, .mark { border-color: CanvasText; }
  }
`;
