import { css } from 'lit';

// Colours: every default pair has a text/background contrast of at least 4.5:1. Sizes are px and em, never
// rem, so a host page's `html { font-size }` cannot blow the banner up.
export const styles = css`
  :host {
    all: initial;
    display: block;
    font-family: var(
      --status-banner-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    font-size: var(--status-banner-font-size, 14px);
    line-height: 1.45;
    --_bg: var(--status-banner-none-background, #eef2f6);
    --_fg: var(--status-banner-none-color, #16202c);
  }
  :host([hidden]) {
    display: none;
  }
  :host([severity='minor']) {
    --_bg: var(--status-banner-minor-background, #fdf1c7);
    --_fg: var(--status-banner-minor-color, #4d3300);
  }
  :host([severity='major']) {
    --_bg: var(--status-banner-major-background, #b54708);
    --_fg: var(--status-banner-major-color, #ffffff);
  }
  :host([severity='critical']) {
    --_bg: var(--status-banner-critical-background, #b42318);
    --_fg: var(--status-banner-critical-color, #ffffff);
  }
  :host([severity='maintenance']) {
    --_bg: var(--status-banner-maintenance-background, #1f4fd1);
    --_fg: var(--status-banner-maintenance-color, #ffffff);
  }

  .base {
    box-sizing: border-box;
    display: flex;
    align-items: flex-start;
    gap: var(--status-banner-gap, 12px);
    padding: var(--status-banner-padding, 10px 16px);
    background: var(--_bg);
    color: var(--_fg);
    border-radius: var(--status-banner-radius, 0);
    box-shadow: var(--status-banner-shadow, none);
    overflow-wrap: anywhere;
    text-align: start;
  }
  :host([position='top']) .base,
  :host([position='bottom']) .base {
    /* A fixed overlay: the host's content never moves (no layout shift). */
    position: fixed;
    left: 0;
    right: 0;
    z-index: var(--status-banner-z-index, 2147483000);
    max-height: 50vh;
    overflow: auto;
  }
  :host([position='top']) .base {
    top: 0;
  }
  :host([position='bottom']) .base {
    bottom: 0;
  }

  .icon {
    flex: none;
    display: flex;
    margin-block-start: 1px;
  }
  .message {
    flex: 1 1 auto;
    min-width: 0;
  }
  .headline {
    margin: 0;
  }
  .severity {
    font-weight: 700;
  }
  .detail {
    margin: 2px 0 0;
    white-space: pre-line;
  }
  .detail.clamped {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  .meta {
    margin: 2px 0 0;
    font-size: 0.9em;
    opacity: 0.92;
  }
  .actions {
    flex: none;
    display: flex;
    align-items: center;
    gap: 8px;
    flex-wrap: wrap;
    justify-content: flex-end;
  }
  a,
  button {
    font: inherit;
    color: inherit;
  }
  a {
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  button {
    cursor: pointer;
    background: none;
    border: 0;
    padding: 0;
  }
  .toggle {
    text-decoration: underline;
    text-underline-offset: 2px;
    margin-block-start: 2px;
  }
  .dismiss {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 28px;
    min-height: 28px;
    border-radius: 4px;
  }
  .dismiss:hover {
    background: color-mix(in srgb, currentColor 14%, transparent);
  }
  a:focus-visible,
  button:focus-visible {
    outline: 2px solid currentColor;
    outline-offset: 2px;
  }
  .count {
    white-space: nowrap;
  }
  @media (max-width: 480px) {
    .base {
      flex-wrap: wrap;
    }
    .message {
      flex-basis: calc(100% - 40px);
    }
    .actions {
      flex-basis: 100%;
      justify-content: flex-start;
    }
  }
  @media (forced-colors: active) {
    .base {
      border: 1px solid CanvasText;
    }
  }
`;
