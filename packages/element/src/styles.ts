/** Marks CSS for the build's minifier; the value is the plain string. */
const css = String.raw;

/**
 * The default palette: [background, text] per severity, each pair with a contrast of at least 4.5:1. Every
 * colour can be replaced through `--status-banner-<severity>-background` and `-color`.
 */
export const palette = {
  none: ['#eef2f6', '#16202c'],
  minor: ['#fdf1c7', '#4d3300'],
  major: ['#b54708', '#fff'],
  critical: ['#b42318', '#fff'],
  maintenance: ['#1f4fd1', '#fff'],
};

// Set on the inner box, not on :host: a page rule that selects the element itself (`* { --b: red }`) must
// not recolour the banner. The `none` colours are the default.
const severityRules = Object.entries(palette)
  .map(
    ([severity, [background, color]]) =>
      `${severity === 'none' ? '' : `:host([severity=${severity}]) `}.base{--b:var(--status-banner-${severity}-background,${background});--c:var(--status-banner-${severity}-color,${color})}`,
  )
  .join('');

// Sizes are px and em, never rem, so a host page's `html { font-size }` cannot blow the banner up;
// `all: initial` stops inherited host styles (letter-spacing, text-transform, colour) at the door.
export const styles = css`
  :host {
    all: initial;
    display: block;
    font: var(--status-banner-font-size, 14px) / 1.45 var(--status-banner-font-family, system-ui, sans-serif);
  }
  :host([hidden]) {
    display: none;
  }
  ${severityRules}
  div {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .base {
    align-items: flex-start;
    gap: var(--status-banner-gap, 12px);
    padding: var(--status-banner-padding, 10px 16px);
    background: var(--b);
    color: var(--c);
    border-radius: var(--status-banner-radius, 0);
    box-shadow: var(--status-banner-shadow, none);
    overflow-wrap: anywhere;
  }
  /* A fixed overlay, top unless told otherwise: the host's content never moves (no layout shift). */
  :host(:not([position=inline])) .base {
    position: fixed;
    inset: 0 0 auto;
    z-index: var(--status-banner-z-index, 2147483000);
    max-height: 50vh;
    overflow: auto;
  }
  :host([position=bottom]) .base {
    inset: auto 0 0;
  }
  .actions {
    white-space: nowrap;
  }
  svg {
    flex: none;
    width: 20px;
    height: 20px;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.8;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .message {
    display: block;
    flex: 1;
    min-width: 0;
  }
  p {
    margin: 2px 0 0;
    white-space: pre-line;
  }
  p:first-child {
    margin: 0;
  }
  .clamped {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  .meta {
    font-size: 0.9em;
  }
  a,
  button {
    font: inherit;
    color: inherit;
    font-weight: 600;
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
  }
  .dismiss {
    display: grid;
    place-content: center;
    min-width: 28px;
    min-height: 28px;
  }
  :focus-visible {
    outline: 2px solid;
    outline-offset: 2px;
  }
  @media (max-width: 480px) {
    .base {
      flex-wrap: wrap;
    }
    .message {
      flex-basis: calc(100% - 40px);
    }
  }
  @media (forced-colors: active) {
    .base {
      border: 1px solid;
    }
  }
`;
