import { expect, fixture, html } from '@open-wc/testing';
import { createIndexedDbStorage, type Severity } from '@status-banner/core';
import { StatusBannerChangeEvent, StatusBannerDismissEvent, StatusBannerElement, defineStatusBanner } from '@status-banner/element';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { emulateMedia } from '../../../test/helpers/media.js';
import { palette } from '../src/palette.js';
import { trapPageErrors, waitFor, type PageErrorTrap } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { configure, endpoint, requestLog, type EndpointStep } from '../../../test/helpers/status-server.js';

/** A banner on a fresh endpoint, resolved once it has had its first answer. */
async function banner(step: EndpointStep | string, attributes: Record<string, string> = {}): Promise<StatusBannerElement> {
  const src = typeof step === 'string' ? step : await endpoint(step);
  const el = document.createElement('status-banner');
  for (const [name, value] of Object.entries({ position: 'inline', ...attributes, src })) el.setAttribute(name, value);
  document.body.append(el);
  await waitFor(() => el.state.status !== 'loading', 5000, 'first answer');
  await el.updateComplete;
  return el;
}

const part = (el: StatusBannerElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/**
 * A node, named for an assertion: `button[dismiss-button] "Dismiss: Incident a"`. (A failing assertion that
 * holds a DOM node itself makes the runner serialize the whole document.)
 */
const named = (node: Element | null | undefined) =>
  node ? `${node.tagName.toLowerCase()}[${node.getAttribute('part') ?? ''}] ${JSON.stringify(node.getAttribute('aria-label') ?? text(node))}` : String(node);

describe('<status-banner>', () => {
  let trap: PageErrorTrap;
  // No enter or exit animation, so each test sees its final state at once (motion is tested on its own).
  before(() => emulateMedia({ 'prefers-reduced-motion': 'reduce' }));
  beforeEach(() => {
    trap = trapPageErrors();
  });
  afterEach(() => {
    document.querySelectorAll('status-banner').forEach((el) => el.remove());
    trap.stop();
    expect(trap.errors, 'errors that reached window').to.deep.equal([]);
  });

  it('is defined, and defining it again is harmless', () => {
    expect(customElements.get('status-banner')).to.equal(StatusBannerElement);
    expect(defineStatusBanner()).to.equal(StatusBannerElement);
    expect(() => defineStatusBanner('status-banner')).not.to.throw();
    expect(defineStatusBanner('status-banner-second')).to.equal(customElements.get('status-banner-second'));
  });

  const cases: [Severity, string, 'status' | 'alert'][] = [
    ['none', 'Notice', 'status'],
    ['minor', 'Minor incident', 'status'],
    ['major', 'Major incident', 'alert'],
    ['critical', 'Critical incident', 'alert'],
    ['maintenance', 'Maintenance', 'status'],
  ];
  for (const [severity, word, role] of cases) {
    it(`renders a ${severity} notice with its icon, word and role=${role}`, async () => {
      const kind = severity === 'maintenance' ? 'maintenance' : 'incident';
      const phase = severity === 'maintenance' ? 'in_progress' : 'identified';
      const el = await banner({ body: nativePayload([{ id: 'n1', severity, kind, phase, title: 'Search is slow', message: 'We found the cause.' }]) });
      expect(el.getAttribute('severity')).to.equal(severity);
      const base = part(el, 'base')!;
      expect(base.getAttribute('role')).to.equal(role);
      expect(part(el, 'icon')!.querySelector('svg')).to.exist;
      expect(text(base.querySelector('strong'))).to.equal(`${word}:`);
      expect(text(part(el, 'message'))).to.contain('Search is slow').and.contain('We found the cause.');
      await expect(el).to.be.accessible();
    });
  }

  it('paints each severity in its default palette, with text contrast of at least 4.5:1', async () => {
    const rgb = (css: string) => css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
    const hex = (value: string) => (value.length === 4 ? value.replace(/[0-9a-f]/gi, '$&$&') : value).match(/[0-9a-f]{2}/gi)!.map((h) => parseInt(h, 16));
    const luminance = (channels: number[]) =>
      channels
        .map((c) => c / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
    for (const [severity, [background, color]] of Object.entries(palette.light).filter(([name]) => name !== 'resolved')) {
      const kind = severity === 'maintenance' ? 'maintenance' : 'incident';
      const el = await banner({ body: nativePayload([{ id: severity, severity: severity as Severity, kind, phase: 'identified' }]) });
      const style = getComputedStyle(part(el, 'base')!);
      expect(rgb(style.backgroundColor), severity).to.deep.equal(hex(background!));
      expect(rgb(style.color), severity).to.deep.equal(hex(color!));
      const [light, dark] = [luminance(rgb(style.backgroundColor)), luminance(rgb(style.color))].sort((a, b) => b - a);
      expect((light! + 0.05) / (dark! + 0.05), severity).to.be.at.least(4.5);
      el.remove();
    }
  });

  it('keeps its colours when the page sets custom properties on every element', async () => {
    const style = document.createElement('style');
    style.textContent = '* { --b: rgb(255, 0, 0); --c: rgb(0, 255, 0); }';
    document.head.append(style);
    try {
      const el = await banner({ body: nativePayload([{ id: 'a', severity: 'major' }]) });
      expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(181, 71, 8)');
    } finally {
      style.remove();
    }
  });

  it('renders a real Statuspage outage from its summary.json', async () => {
    const el = await banner({ fixture: 'real/statuspage/githubstatus-summary-major-outage-investigating-2020-04-02.json' });
    // The capture is from 2020, so only its incident (never expiring) is left to show.
    expect(el.getAttribute('severity')).to.be.oneOf(['major', 'critical', 'minor']);
    expect(part(el, 'base')).to.exist;
    expect(part(el, 'link')!.getAttribute('href')).to.match(/^https?:\/\//);
  });

  it('shows nothing when all is well', async () => {
    const el = await banner({ fixture: 'real/statuspage/githubstatus-summary-all-operational-2019-12-30.json' });
    expect(el.state.status).to.equal('ready');
    expect(el.shadowRoot!.querySelector('.base')).to.equal(null);
    expect(el.hasAttribute('severity')).to.equal(false);
    expect(el.getBoundingClientRect().height).to.equal(0);
  });

  for (const [what, step] of [
    ['HTTP 500', { status: 500, body: 'Internal error' }],
    ['HTTP 404', { status: 404 }],
    ['HTML instead of JSON', { body: '<!doctype html><h1>Sign in to Wi-Fi</h1>', headers: { 'Content-Type': 'text/html' } }],
    ['JSON of another shape', { body: { hello: 'world' } }],
    ['malformed JSON', { body: '{"page": {' }],
    ['a JSON null', { body: 'null' }],
  ] as [string, EndpointStep][]) {
    it(`shows nothing and throws nothing for ${what}`, async () => {
      const warn = console.warn;
      console.warn = () => {};
      try {
        const el = await banner(step);
        expect(el.state.status).to.equal('error');
        expect(el.shadowRoot!.querySelector('.base')).to.equal(null);
      } finally {
        console.warn = warn;
      }
    });
  }

  it('shows nothing when the endpoint cannot be reached', async () => {
    const el = await banner('http://127.0.0.1:9/unreachable.json');
    expect(el.state.status).to.equal('error');
    expect(el.shadowRoot!.querySelector('.base')).to.equal(null);
  });

  it('DATA-01: renders a hostile title as text', async () => {
    // Markup never reaches the element (core flattens it); markup written as entities arrives as text that looks
    // like a tag, defused with an invisible U+2060, and must still be rendered as text.
    const el = await banner({ body: nativePayload([{ id: 'x', title: '&lt;img src=x onerror=alert(1)&gt;', message: '&lt;b&gt;bold&lt;/b&gt;' }]) });
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect(text(part(el, 'message'))).to.contain('<\u2060img src=x onerror=alert(1)>').and.contain('<\u2060b>bold<\u2060/b>');
  });

  it('DATA-02: never renders a javascript:, data: or vbscript: link, however it is written', async () => {
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', '\tjava\nscript:alert(1)', '\u0001javascript:alert(1)', 'data:text/html,x', 'vbscript:msgbox(1)', '//evil.example/']) {
      const el = await banner({
        body: { ...nativePayload([{ id: 'x', url }]), page: { name: 'x', url } },
      });
      expect(part(el, 'base'), url).to.exist;
      expect(el.shadowRoot!.querySelector('a'), url).to.equal(null);
      el.remove();
    }
  });

  it('links to the incident, opening safely in a new tab', async () => {
    const el = await banner({ body: nativePayload([{ id: 'x', url: 'https://status.example.com/incidents/x' }]) });
    const link = part(el, 'link') as HTMLAnchorElement;
    expect(link.href).to.equal('https://status.example.com/incidents/x');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(link.target).to.equal('_blank');
  });

  it('says how long ago in the largest unit the time reaches: never "60 minutes ago" or "24 hours ago"', async () => {
    const cases: [number, string][] = [
      [30, 'now'],
      [59.6, '1 minute ago'],
      [5 * 60, '5 minutes ago'],
      [59.6 * 60, '1 hour ago'],
      [23.8 * 3600, 'yesterday'],
      [3 * 86_400, '3 days ago'],
    ];
    const el = await banner({
      body: nativePayload(cases.map(([seconds], i) => ({ id: `n${i}`, severity: 'minor', title: `N${i}`, updatedAt: new Date(Date.now() - seconds * 1000).toISOString() }))),
    });
    // The list shows every notice with its time.
    (part(el, 'more-button') as HTMLButtonElement).click();
    await el.updateComplete;
    const said = [part(el, 'message'), ...el.shadowRoot!.querySelectorAll('[part="item"]')].map((node) => node?.querySelector('time')?.textContent?.trim());
    expect(said.sort()).to.deep.equal(cases.map(([, words]) => `Updated ${words}`).sort());
  });

  it('shows the most severe notice, "+N more", and how long ago it was updated', async () => {
    const el = await banner({
      body: nativePayload([
        { id: 'minor', severity: 'minor', title: 'Minor thing' },
        { id: 'crit', severity: 'critical', title: 'Everything is down', updatedAt: new Date(Date.now() - 5 * 60_000).toISOString() },
        { id: 'maint', severity: 'maintenance', kind: 'maintenance', phase: 'in_progress', title: 'Upgrade' },
      ]),
    });
    expect(text(part(el, 'message'))).to.contain('Everything is down').and.contain('5 minutes ago');
    expect(text(part(el, 'actions'))).to.contain('+2 more');
    expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.match(/Z$/);
  });

  it('clamps a long update and expands it on request', async () => {
    const message = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} of a long update about the incident.`).join('\n\n');
    const el = await banner({ body: nativePayload([{ id: 'x', message }]) });
    const detail = el.shadowRoot!.querySelector<HTMLElement>('.detail')!;
    const collapsed = detail.getBoundingClientRect().height;
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(detail.getBoundingClientRect().height).to.be.above(collapsed * 3);
    await expect(el).to.be.accessible();
  });

  it('fires status-banner-change with the snapshot, bubbling and composed', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'x' }]) });
    const seen: StatusBannerChangeEvent[] = [];
    const listener = (event: StatusBannerChangeEvent) => seen.push(event);
    document.addEventListener('status-banner-change', listener);
    try {
      await banner(src);
      await waitFor(() => seen.length > 0, 2000, 'change event');
    } finally {
      document.removeEventListener('status-banner-change', listener);
    }
    expect(seen[0]).to.be.instanceOf(StatusBannerChangeEvent);
    expect(seen[0]!.composed).to.equal(true);
    expect(seen[0]!.snapshot.notices[0]!.id).to.equal('x');
  });

  it('keeps the ticking time and the Show more label out of the live announcement', async () => {
    const el = await banner({ body: nativePayload([{ id: 'a', severity: 'critical', message: 'Long update. '.repeat(80) }]) });
    expect(part(el, 'base')!.getAttribute('role')).to.equal('alert');
    expect(el.shadowRoot!.querySelector('.meta')!.getAttribute('aria-live')).to.equal('off');
    expect(el.shadowRoot!.querySelector('.toggle')!.getAttribute('aria-live')).to.equal('off');
  });

  it('dismisses with a real button, and lets a listener cancel it', async () => {
    const el = await banner({ body: nativePayload([{ id: 'a', severity: 'major' }]) });
    const button = part(el, 'dismiss-button') as HTMLButtonElement;
    expect(button.tagName).to.equal('BUTTON');
    expect(button.getAttribute('aria-label')).to.equal('Dismiss: Incident a');

    const cancel = (event: Event) => event.preventDefault();
    el.addEventListener('status-banner-dismiss', cancel, { once: true });
    button.click();
    await el.updateComplete;
    expect(part(el, 'base'), 'cancelled').to.exist;

    const seen: StatusBannerDismissEvent[] = [];
    document.addEventListener('status-banner-dismiss', (e) => seen.push(e), { once: true });
    button.click();
    await el.updateComplete;
    expect(part(el, 'base')).to.equal(null);
    expect(seen[0]!.notice.id).to.equal('a');
    expect(seen[0]!.bubbles && seen[0]!.composed).to.equal(true);
  });

  // Overlays (top, the default, and corner) sit in the top layer, where the host does not match :focus-within.
  for (const position of ['inline', 'top', 'corner']) it(`can be used with the keyboard alone (${position})`, async () => {
    const el = await banner(
      {
        body: nativePayload([
          { id: 'a', severity: 'critical', url: 'https://status.example.com/a' },
          { id: 'b', severity: 'minor' },
        ]),
      },
      { position },
    );
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.prepend(before);
    try {
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(named(el.shadowRoot!.activeElement)).to.equal(named(part(el, 'link')));
      await sendKeys({ press: 'Tab' });
      const more = part(el, 'more-button')!;
      expect(named(el.shadowRoot!.activeElement)).to.equal(named(more));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(more.getAttribute('aria-expanded')).to.equal('true');
      expect(el.shadowRoot!.querySelectorAll('[part="item"]')).to.have.length(1);
      await sendKeys({ press: 'Tab' });
      expect(named(el.shadowRoot!.activeElement)).to.equal('button[dismiss-button] "Dismiss: Incident a"');
      await sendKeys({ press: 'Tab' });
      expect(named(el.shadowRoot!.activeElement)).to.equal('button[dismiss-button] "Dismiss: Incident b"');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="item"]'), 'b dismissed from the list').to.equal(null);
      expect(el.getAttribute('severity')).to.equal('critical');
      // Focus moved to the remaining notice's dismiss button instead of falling to <body>.
      await el.updateComplete;
      expect(named(el.shadowRoot!.activeElement)).to.equal(named(part(el, 'dismiss-button')));
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(part(el, 'base')).to.equal(null);
      // The last notice gone, focus went back where it came from rather than to <body>.
      expect(document.activeElement === before, `focus is on ${document.activeElement?.tagName}`).to.equal(true);
    } finally {
      before.remove();
    }
  });

  it('a mouse dismissal leaves focus and scroll alone, whatever a keyboard visit long before left behind', async () => {
    const el = await banner({ body: nativePayload([{ id: 'a', severity: 'major', url: 'https://status.example.com/a' }]) }, { position: 'inline' });
    const page = document.createElement('section');
    page.innerHTML = Array.from({ length: 80 }, (_, i) => `<p>Host paragraph ${i}</p>`).join('');
    const footer = page.appendChild(document.createElement('button'));
    footer.textContent = 'footer';
    document.body.append(page);
    try {
      // Earlier: from the footer into the banner, then out of it.
      footer.focus();
      part(el, 'link')!.focus();
      part(el, 'link')!.blur();
      // Later, at the top of the page with nothing focused: a click on the dismiss button.
      scrollTo(0, 0);
      const box = part(el, 'dismiss-button')!.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
      await el.updateComplete;
      await el.updateComplete;
      expect(part(el, 'base')).to.equal(null);
      expect(document.activeElement === footer, 'focus not sent to the footer').to.equal(false);
      expect(scrollY).to.equal(0);
    } finally {
      page.remove();
      scrollTo(0, 0);
    }
  });

  it('keeps a dismissal across a reload, in IndexedDB, until the notice has news', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'inc', revision: 'u1', severity: 'major' }]) });
    const first = await banner(src);
    (part(first, 'dismiss-button') as HTMLButtonElement).click();
    await first.updateComplete;
    expect(part(first, 'base')).to.equal(null);
    first.remove();
    // The dismissal reaches IndexedDB, as it would before a user reloads.
    const stored = createIndexedDbStorage();
    const key = `dismissals:${new URL(src, location.href).href}`;
    for (let i = 0; i < 200 && !(await stored.get(key)); i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(await stored.get(key), 'the dismissal in IndexedDB').to.not.equal(undefined);

    const second = await banner(src);
    expect(second.state.status).to.equal('ready');
    expect(part(second, 'base'), 'still dismissed').to.equal(null);
    second.remove();

    await configure(src, { body: nativePayload([{ id: 'inc', revision: 'u2', severity: 'major', title: 'New update' }]) });
    const third = await banner(src);
    // The stored snapshot is fresh, so the next poll comes at a random point of the interval; ask now.
    await third.refresh();
    await waitFor(() => third.state.snapshot?.notices[0]?.revision === 'u2', 3000, 'the new revision');
    await third.updateComplete;
    expect(text(part(third, 'message'))).to.contain('New update');
  });

  it('takes properties set from script, even before the element is defined, and reflects position', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major' }]) });
    // A framework may create and configure the element before the script defining it has run.
    const el = document.createElement('status-banner-late') as StatusBannerElement;
    Object.assign(el, { src, position: 'inline', strings: { major: 'Outage' } });
    document.body.append(el);
    defineStatusBanner('status-banner-late');
    await waitFor(() => el.getAttribute('severity') === 'major', 5000, 'the upgraded element');
    await el.updateComplete;
    expect(el.getAttribute('position')).to.equal('inline');
    expect(text(el.shadowRoot!.querySelector('strong'))).to.equal('Outage:');
    el.position = 'bottom';
    await el.updateComplete;
    expect(el.getAttribute('position')).to.equal('bottom');
    el.interval = 5;
    el.setAttribute('interval', 'soon');
    expect(el.interval).to.equal(undefined);
    el.remove();
  });

  it('hides the dismiss button when dismissible="false"', async () => {
    const el = await banner({ body: nativePayload([{ id: 'a' }]) }, { dismissible: 'false' });
    expect(part(el, 'base')).to.exist;
    expect(part(el, 'dismiss-button')).to.equal(null);
    el.removeAttribute('dismissible');
    await el.updateComplete;
    expect(part(el, 'dismiss-button')).to.exist;
  });

  it('overlays the page at the top or bottom without moving it, or sits inline', async () => {
    const content = document.createElement('p');
    content.textContent = 'Host content';
    document.body.prepend(content);
    try {
      const src = await endpoint({ body: nativePayload([{ id: 'a' }]) });
      const before = content.getBoundingClientRect().top;
      const top = await banner(src, { position: 'top' });
      // Moving the element keeps its client and what it shows.
      document.body.prepend(top);
      await top.updateComplete;
      expect(top.state.status).to.equal('ready');
      const topBase = part(top, 'base')!;
      expect(getComputedStyle(topBase).position).to.equal('fixed');
      expect(topBase.getBoundingClientRect().top).to.equal(0);
      expect(content.getBoundingClientRect().top).to.equal(before);

      top.setAttribute('position', 'bottom');
      await top.updateComplete;
      expect(Math.round(part(top, 'base')!.getBoundingClientRect().bottom)).to.equal(window.innerHeight);

      top.setAttribute('position', 'inline');
      await top.updateComplete;
      // In the flow (relative, so a narrow screen can pin the dismiss button to its corner).
      expect(getComputedStyle(part(top, 'base')!).position).to.equal('relative');
      expect(content.getBoundingClientRect().top).to.be.above(before);

      top.setAttribute('position', 'sideways');
      await top.updateComplete;
      expect(top.position).to.equal('top');
    } finally {
      content.remove();
    }
  });

  it('shows only notices touching the chosen components', async () => {
    const src = await endpoint({
      body: nativePayload(
        [
          { id: 'api', severity: 'critical', componentIds: ['c1'], title: 'API down' },
          { id: 'web', severity: 'minor', componentIds: ['c2'], title: 'Website slow' },
        ],
        { components: [{ id: 'c1', name: 'API', status: 'major_outage' }, { id: 'c2', name: 'Website', status: 'degraded' }] },
      ),
    });
    const el = await banner(src, { components: 'Website' });
    expect(text(part(el, 'message'))).to.contain('Website slow');
    el.setAttribute('components', 'c1');
    await waitFor(() => el.getAttribute('severity') === 'critical', 3000, 'the filter change');
  });

  it('stops polling when removed from the page: none of its timers is left waiting', async () => {
    // Every timer set on the page while the banner lives, until it fires or is cleared: after the removal, none
    // may wait (a retry, a poll, a deadline), so nothing can start a request later (LIFE-05 counts listeners).
    const waiting = new Map<number, number>();
    const { setTimeout: set, clearTimeout: clear } = window;
    window.setTimeout = ((callback: () => void, ms = 0) => {
      const id = set(() => {
        waiting.delete(id);
        callback();
      }, ms);
      waiting.set(id, ms);
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id: number) => {
      waiting.delete(id);
      clear(id);
    }) as typeof window.clearTimeout;
    try {
      const src = await endpoint({ status: 503 });
      const el = await banner(src, { interval: '1' });
      await waitFor(() => [...waiting.values()].some((ms) => ms >= 500), 2000, 'the retry after a 503 to be scheduled');
      const seen = (await requestLog(src)).length;
      el.remove();
      // The client stops in a microtask (a move within the page keeps it).
      await Promise.resolve();
      expect([...waiting.values()], 'timers left waiting').to.deep.equal([]);
      expect((await requestLog(src)).length).to.equal(seen);
    } finally {
      window.setTimeout = set;
      window.clearTimeout = clear;
    }
  });

  it('LIFE-05: 1000 connect/disconnect cycles leave no listener, timer or request behind; five banners, one poller', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'minor' }]) });
    // Count what is added to and removed from window and document while the banner comes and goes.
    const net = new Map<string, number>();
    const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
    const count = (target: unknown, type: string, by: number) => {
      if (target === window || target === document) net.set(type, (net.get(type) ?? 0) + by);
    };
    EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, ...rest: [never, never]) {
      count(this, type, 1);
      return add.call(this, type, ...rest);
    };
    EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, ...rest: [never, never]) {
      count(this, type, -1);
      return remove.call(this, type, ...rest);
    };
    const el = document.createElement('status-banner');
    el.setAttribute('src', src);
    el.setAttribute('position', 'inline');
    try {
      for (let i = 0; i < 1000; i += 1) {
        document.body.append(el);
        el.remove();
        // Let the deferred stop run, as a route change would.
        await Promise.resolve();
      }
    } finally {
      EventTarget.prototype.addEventListener = add;
      EventTarget.prototype.removeEventListener = remove;
    }
    expect([...net].filter(([, n]) => n !== 0), 'listeners left on window or document').to.deep.equal([]);
    expect(await requestLog(src), 'no client outlived its element').to.have.length(0);

    const five = Array.from({ length: 5 }, () => Object.assign(document.createElement('status-banner'), { src, position: 'inline' }));
    document.body.append(...five);
    await waitFor(() => five.every((banner) => banner.getAttribute('severity') === 'minor'), 4000, 'five banners');
    expect(await requestLog(src), 'one request for five banners').to.have.length(1);
  });

  it('PERF-01: starts its client in a task of its own, not in the one that connects it (a script tag\'s evaluation stays short)', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'minor' }]) });
    // A starting client listens for the page's visibility and connectivity: when it does, it has started.
    const heard: string[] = [];
    const { addEventListener: add } = EventTarget.prototype;
    EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, ...rest: [never, never]) {
      if ((this === document && type === 'visibilitychange') || (this === window && type === 'online')) heard.push(type);
      return add.call(this, type, ...rest);
    };
    try {
      const el = Object.assign(document.createElement('status-banner'), { src, position: 'inline' });
      document.body.append(el);
      // Its first update, and every microtask after it, still belong to the task that connected it.
      await el.updateComplete;
      await Promise.resolve();
      expect(heard, 'started in the connecting task').to.deep.equal([]);
      await waitFor(() => heard.length === 2, 2000, 'the client to start');
      expect(heard).to.deep.equal(['visibilitychange', 'online']);
      await waitFor(() => el.getAttribute('severity') === 'minor', 4000, 'the notice');
    } finally {
      EventTarget.prototype.addEventListener = add;
    }
  });

  it('joins a client another banner runs at once: a keyed remount in one task keeps the client and what it shows', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'minor' }]) });
    const first = await banner(src);
    const shown = first.state;
    expect(shown.status).to.equal('ready');
    // A framework replaces one element with another of the same options, in one task.
    first.remove();
    const second = Object.assign(document.createElement('status-banner'), { src, position: 'inline' });
    document.body.append(second);
    await second.updateComplete;
    // The same client's state at once: not a new client reading storage again.
    expect(second.state).to.equal(shown);
    expect(await requestLog(src)).to.have.length(1);
  });

  for (const when of ['after its first update', 'in the same task, before any update']) {
    it(`refresh() in the task that connects it starts its client and asks now (${when})`, async () => {
      const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'minor' }]) });
      (await banner(src)).remove();
      // Let the first banner's client go: what it stored is fresh, so a new client would not ask on its own.
      await waitFor(async () => (await requestLog(src)).length === 1, 2000, 'the first answer');
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const el = Object.assign(document.createElement('status-banner'), { src, position: 'inline', interval: 600 });
      document.body.append(el);
      if (when.startsWith('after')) await el.updateComplete;
      await el.refresh();
      expect(await requestLog(src)).to.have.length(2);
    });
  }

  it('is accessible on an empty page and with a stack of notices', async () => {
    const empty = await fixture<StatusBannerElement>(html`<status-banner></status-banner>`);
    await expect(empty).to.be.accessible();
    const el = await banner({
      body: nativePayload([
        { id: 'a', severity: 'critical', url: 'https://status.example.com/a', message: 'Long '.repeat(200) },
        { id: 'b' },
      ]),
    });
    await expect(el).to.be.accessible();
  });
});
