import { colours } from './palette.js';

/** Marks CSS for the build's minifier; the value is the plain string. */
const css = String.raw;

const edge = 'var(--status-banner-offset,16px)';

/**
 * The dismiss button pinned to the box's top corner and the other actions under the words, below `scope`. The
 * room kept for the button is claimed for a `compact` box too, whose own padding would otherwise win.
 */
const pinnedDismiss = (scope: string, compact: string) => css`
  ${scope}.base,
  ${compact}.base {
    padding-inline-end: 44px;
    row-gap: 4px;
  }
  ${scope}.base > .actions {
    flex-basis: 100%;
    padding-inline-start: calc(var(--status-banner-icon-size, 20px) + var(--status-banner-gap, 12px));
  }
  ${scope}.base > .actions > .dismiss {
    position: absolute;
    top: 4px;
    inset-inline-end: 8px;
    margin: 0;
  }
`;

// Sizes are px and em, never rem, so a host page's `html { font-size }` cannot blow the banner up. The
// typography is set on the inner box, not on :host: a page's own rules for the element (`* { line-height: 0;
// letter-spacing: 2px; text-transform: uppercase }`) beat any :host rule, and would reach the text by inheritance.
export const styles = css`
  :host {
    all: initial;
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  ${colours('light')}
  ${colours('dark', '[theme=dark]')}
  @media (prefers-color-scheme: dark) {
    ${colours('dark', '[theme=auto]')}
  }
  .base {
    font: var(--status-banner-font-size, 14px) / var(--status-banner-line-height, 1.45)
      var(--status-banner-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    text-align: start;
    text-shadow: none;
    white-space: normal;
    font-kerning: auto;
    visibility: visible;
    cursor: auto;
    position: relative;
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--status-banner-gap, 12px);
    box-sizing: border-box;
    padding: var(--status-banner-padding, 10px 16px);
    background: var(--b);
    color: var(--c);
    border: var(--status-banner-border, 0 solid);
    border-radius: var(--status-banner-radius, 0);
    box-shadow: var(--status-banner-shadow, none);
    overflow-wrap: anywhere;
    animation: fade var(--status-banner-duration, 0.2s) ease-out;
  }
  /* Overlays: fixed, so the host's content never moves (no layout shift). Shown in the top layer (a manual
     popover) where the browser has one: no ancestor's transform, filter or containment can turn "fixed" into
     "scrolls with the page", and no z-index can cover it. The popover's own defaults are undone. */
  :host(:not([position=inline]):not([push])) .base,
  :host([position=corner]) .base {
    position: fixed;
    z-index: var(--status-banner-z-index, 2147483000);
    max-height: var(--status-banner-max-height, 50vh);
    overflow: auto;
    margin: 0;
    height: auto;
  }
  :host(:not([position])) .base,
  :host([position=top]) .base {
    inset: 0 0 auto;
    width: auto;
    animation-name: down;
  }
  :host([position=bottom]) .base {
    inset: auto 0 0;
    width: auto;
    animation-name: up;
  }
  :host([position=corner]) .base {
    inset: auto ${edge} ${edge} auto;
    /* (100%, not 100vw: a fixed box's 100% is the window less a scrollbar that takes room.) */
    width: min(var(--status-banner-max-width, 420px), calc(100% - 2 * ${edge}));
    border-radius: var(--status-banner-radius, 8px);
    box-shadow: var(--status-banner-shadow, 0 8px 24px rgb(0 0 0 / 0.2));
    animation-name: rise;
  }
  :host([position=corner][corner=bottom-left]) .base {
    inset: auto auto ${edge} ${edge};
  }
  :host([position=corner][corner=top-right]) .base {
    inset: ${edge} ${edge} auto auto;
  }
  :host([position=corner][corner=top-left]) .base {
    inset: ${edge} auto auto ${edge};
  }
  /* Push (top and bottom only): in the page's flow, stuck to its edge, so it moves the content instead of
     covering it. */
  :host([push]:not([position=inline]):not([position=corner])) {
    position: sticky;
    top: 0;
    z-index: var(--status-banner-z-index, 2147483000);
  }
  :host([push][position=bottom]) {
    top: auto;
    bottom: 0;
  }
  /* (The host's attribute outranks each position's entrance; the element always reflects its position.) */
  :host([position]) .base.leaving {
    animation: leave var(--status-banner-duration, 0.2s) ease-in forwards;
  }
  @keyframes fade {
    from {
      opacity: 0;
    }
  }
  @keyframes down {
    from {
      opacity: 0;
      transform: translateY(-100%);
    }
  }
  @keyframes up {
    from {
      opacity: 0;
      transform: translateY(100%);
    }
  }
  @keyframes rise {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }
  @keyframes leave {
    to {
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .base {
      animation: none !important;
    }
  }
  .icon,
  svg {
    flex: none;
    width: var(--status-banner-icon-size, 20px);
    height: var(--status-banner-icon-size, 20px);
  }
  svg {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.8;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .message {
    flex: 1 1 16em;
    min-width: 0;
  }
  p {
    margin: 2px 0 0;
  }
  /* The latest update keeps its line breaks; nothing else is whitespace-sensitive, so the template's own
     layout (kept in the npm build, collapsed in the script-tag file) never shows. */
  .detail {
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
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 12px;
  }
  a,
  button {
    box-sizing: border-box;
    min-height: 24px;
    font: inherit;
    color: inherit;
    font-weight: 600;
    text-underline-offset: 2px;
  }
  a {
    display: inline-flex;
    align-items: center;
  }
  button {
    cursor: pointer;
    background: none;
    border: 0;
    padding: 0;
    text-decoration: underline;
  }
  .dismiss {
    display: grid;
    place-content: center;
    min-width: 28px;
    min-height: 28px;
    margin-block: -2px;
    margin-inline: 0 -6px;
  }
  :focus-visible {
    outline: 2px solid var(--status-banner-focus-color, currentColor);
    outline-offset: 2px;
  }
  .list {
    flex-basis: 100%;
    display: grid;
    gap: 8px;
    margin: 0;
    padding: 8px 0 0;
    list-style: none;
    border-top: 1px solid color-mix(in srgb, currentColor 30%, transparent);
  }
  .item {
    display: flex;
    gap: var(--status-banner-gap, 12px);
    align-items: flex-start;
  }
  :host([compact]) .base {
    padding: var(--status-banner-compact-padding, 6px 12px);
    gap: 8px;
    font-size: 0.93em;
    align-items: center;
  }
  :host([compact]) .message p {
    display: inline;
  }
  :host([compact]) .message .detail,
  :host([compact]) .toggle {
    display: none;
  }
  :host([compact]) .meta::before {
    content: '\00a0\00b7\00a0';
  }
  /* A toast, and any banner on a narrow screen: the dismiss button in its top corner, the other actions under
     the words. */
  ${pinnedDismiss(':host([position=corner]) ', ':host([position=corner][compact]) ')}
  @media (max-width: 480px) {
    ${pinnedDismiss('', ':host([compact]) ')}
  }
  @media (forced-colors: active) {
    .base {
      border: 2px solid CanvasText;
    }
    svg {
      stroke: CanvasText;
    }
  }
`;
