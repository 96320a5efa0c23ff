// The banner's colours: a palette per theme, and the rules that give the box those colours (the rest of its
// stylesheet is styles.ts).

/**
 * The default palettes: [background, text] per severity (and for a just-resolved incident), for the light and
 * the dark theme, each pair with a contrast of at least 4.5:1. Every colour can be replaced through
 * `--status-banner-<severity>-background` and `--status-banner-<severity>-color`, in both themes.
 */
export const palette = {
  light: {
    none: ['#eef2f6', '#16202c'],
    minor: ['#fdf1c7', '#4d3300'],
    major: ['#b54708', '#ffffff'],
    critical: ['#b42318', '#ffffff'],
    maintenance: ['#1f4fd1', '#ffffff'],
    resolved: ['#067647', '#ffffff'],
  },
  dark: {
    none: ['#1e2631', '#e6ebf1'],
    minor: ['#3b2f0a', '#fde68a'],
    major: ['#5c2606', '#fed7aa'],
    critical: ['#5f1313', '#fecaca'],
    maintenance: ['#172a63', '#c7d7fe'],
    resolved: ['#0b3d2c', '#a7f3d0'],
  },
};

/** The rules that set the box's colours for one theme; `attribute` selects the theme on the host. */
export const colours = (theme: keyof typeof palette, attribute = '') =>
  Object.entries(palette[theme])
    .map(([name, [background, color]]) => {
      // Set on the inner box, not on :host: a page rule that selects the element itself (`* { --b: red }`)
      // must not recolour the banner. A notice with no impact has the theme's default colours.
      const host = attribute + (name === 'none' ? '' : name === 'resolved' ? '[resolved]' : `[severity=${name}]`);
      return `${host ? `:host(${host}) ` : ''}.base{--b:var(--status-banner-${name}-background,${background});--c:var(--status-banner-${name}-color,${color})}`;
    })
    .join('');
