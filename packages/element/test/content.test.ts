// What the banner says: several notices, maintenance windows in the viewer's time, a resolved incident's
// short goodbye, stale data, and the preview that product teams style against.

import { expect } from '@open-wc/testing';
import { banner, part, parts, preview, settle, text, useBannerPage } from '../../../test/helpers/banners.js';
import { waitFor } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { configure, endpoint, requestLog } from '../../../test/helpers/status-server.js';

const HOUR = 3_600_000;
const iso = (offset: number) => new Date(Date.now() + offset).toISOString();
/** The window as the viewer's browser writes it: their language, their time zone. */
const local = (start: string, end: string, lang = 'en') =>
  new Intl.DateTimeFormat(lang, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).formatRange(
    new Date(start),
    new Date(end),
  );

describe('what the banner says', () => {
  useBannerPage();

  it('shows the most severe notice first and lists the others under "+N more", each dismissible on its own', async () => {
    const el = await banner(
      {
        body: nativePayload([
          { id: 'maint', kind: 'maintenance', severity: 'maintenance', phase: 'in_progress', title: 'Upgrade' },
          { id: 'minor', severity: 'minor', title: 'Slow search' },
          { id: 'crit', severity: 'critical', title: 'Checkout down', url: 'https://status.example.com/incidents/crit' },
        ]),
      },
      { position: 'inline' },
    );
    expect(text(part(el, 'title'))).to.equal('Checkout down');
    const more = part(el, 'more-button')!;
    expect(text(more)).to.equal('+2 more');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(part(el, 'list')).to.equal(null);
    more.click();
    await el.updateComplete;
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(more.getAttribute('aria-controls')).to.equal(part(el, 'list')!.id);
    const items = parts(el, 'item');
    expect(items.map((item) => text(item.querySelector('[part="title"]')))).to.deep.equal(['Slow search', 'Upgrade']);
    // Dismiss the second from the list: the banner keeps its first notice, and the list its last entry.
    items[0]!.querySelector<HTMLButtonElement>('[part="dismiss-button"]')!.click();
    await el.updateComplete;
    expect(text(part(el, 'title'))).to.equal('Checkout down');
    expect(parts(el, 'item').map((item) => text(item.querySelector('[part="title"]')))).to.deep.equal(['Upgrade']);
    expect(text(part(el, 'more-button'))).to.equal('+1 more');
    // Escape closes the list before it would dismiss anything.
    part(el, 'base')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(part(el, 'list')).to.equal(null);
    expect(text(part(el, 'title'))).to.equal('Checkout down');
  });

  it('shows upcoming maintenance within the lead window, its start and end in the viewer\'s time zone and language', async () => {
    const start = iso(3 * HOUR);
    const end = iso(5 * HOUR);
    const far = iso(30 * HOUR);
    const src = await endpoint({
      body: nativePayload([
        { id: 'soon', kind: 'maintenance', severity: 'maintenance', phase: 'scheduled', title: 'Database upgrade', scheduledStart: start, scheduledEnd: end },
        { id: 'later', kind: 'maintenance', severity: 'maintenance', phase: 'scheduled', title: 'Network work', scheduledStart: far, scheduledEnd: iso(31 * HOUR) },
      ]),
    });
    const el = await banner(src, { position: 'inline' });
    expect(text(part(el, 'title'))).to.equal('Database upgrade');
    expect(part(el, 'more-button'), 'beyond the 24 h lead').to.equal(null);
    expect(text(part(el, 'meta'))).to.equal(`Scheduled · ${local(start, end)}`);
    el.setAttribute('lang', 'de');
    await el.updateComplete;
    expect(text(part(el, 'meta'))).to.equal(`Geplant · ${local(start, end, 'de')}`);
    el.remove();
    // A longer lead brings the later one in.
    const wide = await banner(src, { position: 'inline', 'maintenance-lead': String(48 * 3600) });
    await wide.refresh();
    await settle(wide);
    expect(text(part(wide, 'more-button'))).to.equal('+1 more');
  });

  it('shows maintenance under way with its expected end, and nothing once it is completed', async () => {
    const end = iso(2 * HOUR);
    const src = await endpoint({
      body: nativePayload([{ id: 'm', kind: 'maintenance', severity: 'maintenance', phase: 'in_progress', title: 'Upgrade', scheduledStart: iso(-HOUR), scheduledEnd: end }]),
    });
    const el = await banner(src, { position: 'inline', 'resolved-linger': '5' });
    const when = new Intl.DateTimeFormat('en', { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(end));
    expect(text(part(el, 'meta'))).to.equal(`In progress · Expected to end ${when}`);
    await configure(src, { body: nativePayload([{ id: 'm', kind: 'maintenance', severity: 'maintenance', phase: 'completed', title: 'Upgrade' }]) });
    await el.refresh();
    await settle(el);
    // Maintenance that ends simply goes: no "Resolved" state for it.
    expect(part(el, 'base')).to.equal(null);
    expect(el.hasAttribute('resolved')).to.equal(false);
  });

  it('says "Resolved" for resolved-linger seconds when the incident shown is resolved, then leaves', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'inc', severity: 'major', title: 'Checkout failing' }]) });
    const el = await banner(src, { position: 'inline', 'resolved-linger': '0.6' });
    expect(part(el, 'base')!.getAttribute('role')).to.equal('alert');
    await configure(src, { body: nativePayload([]) });
    await el.refresh();
    await settle(el);
    expect(el.hasAttribute('resolved')).to.equal(true);
    expect(text(part(el, 'headline'))).to.equal('Resolved: Checkout failing');
    // Good news is not urgent.
    expect(part(el, 'base')!.getAttribute('role')).to.equal('status');
    expect(part(el, 'dismiss-button'), 'nothing left to dismiss').to.equal(null);
    await waitFor(() => !part(el, 'base'), 2000, 'the resolved state to end');
    expect(el.hasAttribute('resolved')).to.equal(false);
  });

  it('keeps saying "Resolved" for a resolved-linger longer than a timer can count (25 days and more)', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'inc', severity: 'major', title: 'Checkout failing' }]) });
    const el = await banner(src, { position: 'inline', 'resolved-linger': '3000000' });
    await configure(src, { body: nativePayload([]) });
    await el.refresh();
    await settle(el);
    expect(text(part(el, 'headline'))).to.equal('Resolved: Checkout failing');
    // A timer past 2^31 - 1 ms fires at once, as if set for 0 ms: before this one, set after it for 0 ms.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await settle(el);
    expect(text(part(el, 'headline'))).to.equal('Resolved: Checkout failing');
  });

  it('leaves after resolved-linger seconds even when the page moves the banner while it says "Resolved"', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'inc', severity: 'major', title: 'Checkout failing' }]) });
    const el = await banner(src, { position: 'inline', 'resolved-linger': '0.6' });
    await configure(src, { body: nativePayload([]) });
    await el.refresh();
    await settle(el);
    expect(text(part(el, 'headline'))).to.equal('Resolved: Checkout failing');
    // Moved within the page (a framework re-parenting it): leaving stops its timers, coming back arms them again.
    document.body.prepend(el);
    await el.updateComplete;
    await waitFor(() => !part(el, 'base'), 2000, 'the resolved state to end');
    expect(el.hasAttribute('resolved')).to.equal(false);
  });

  it('never calls the old source\'s incident resolved when src changes to a source another banner already runs', async () => {
    const a = await endpoint({ body: nativePayload([{ id: 'inc', severity: 'critical', title: 'Checkout down' }]) });
    const b = await endpoint({ body: nativePayload([]) });
    const other = await banner(b, { position: 'inline' });
    const el = await banner(a, { position: 'inline' });
    expect(text(part(el, 'headline'))).to.equal('Critical incident: Checkout down');
    // B is all clear: A's incident did not resolve there, it was never B's.
    el.setAttribute('src', b);
    await el.updateComplete;
    await settle(el);
    expect(el.hasAttribute('resolved')).to.equal(false);
    expect(part(el, 'base')).to.equal(null);
    expect(part(other, 'base')).to.equal(null);
  });

  it('never lets a resolved incident stand in front of an open one: what is shown, severity and the announcement', async () => {
    // One incident leaves and a more severe one arrives in the same answer: the open one is shown at once.
    const src = await endpoint({ body: nativePayload([{ id: 'old', severity: 'minor', title: 'Slow search' }]) });
    const el = await banner(src, { position: 'inline', 'resolved-linger': '30' });
    await configure(src, { body: nativePayload([{ id: 'new', severity: 'critical', title: 'Checkout down' }]) });
    await el.refresh();
    await settle(el);
    expect(text(part(el, 'headline'))).to.equal('Critical incident: Checkout down');
    expect(el.severity).to.equal('critical');
    expect(el.getAttribute('severity')).to.equal('critical');
    expect(el.hasAttribute('resolved')).to.equal(false);
    expect(part(el, 'base')!.getAttribute('role'), 'announced as urgent').to.equal('alert');
    expect(part(el, 'more-button'), 'the resolved one is not listed as open').to.equal(null);

    // An open notice less severe than the one resolved still outranks it.
    await configure(src, { body: nativePayload([{ id: 'minor', severity: 'minor', title: 'Delayed emails' }]) });
    await el.refresh();
    await settle(el);
    expect(text(part(el, 'headline'))).to.equal('Minor incident: Delayed emails');
    expect(el.severity).to.equal('minor');
    expect(el.hasAttribute('resolved')).to.equal(false);

    // Lingering as resolved, then news: the new notice replaces the goodbye at once.
    await configure(src, { body: nativePayload([]) });
    await el.refresh();
    await settle(el);
    expect(text(part(el, 'headline'))).to.equal('Resolved: Delayed emails');
    await configure(src, { body: nativePayload([{ id: 'next', severity: 'major', title: 'API errors' }]) });
    await el.refresh();
    await settle(el);
    expect(text(part(el, 'headline'))).to.equal('Major incident: API errors');
    expect(el.severity).to.equal('major');
    expect(el.hasAttribute('resolved')).to.equal(false);
  });

  it('leaves at once when resolved-linger is 0, and never says "Resolved" for a dismissed or filtered-out notice', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'inc', severity: 'major', componentIds: ['api'] }]) });
    const off = await banner(src, { position: 'inline', 'resolved-linger': '0' });
    await configure(src, { body: nativePayload([]) });
    await off.refresh();
    await settle(off);
    expect(part(off, 'base')).to.equal(null);
    off.remove();

    const other = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major', componentIds: ['api'] }]) });
    const filtered = await banner(other, { position: 'inline' });
    filtered.setAttribute('components', 'web');
    await waitFor(() => filtered.state.notices.length === 0, 2000, 'the filter');
    await filtered.updateComplete;
    expect(part(filtered, 'base'), 'filtered out').to.equal(null);
    filtered.removeAttribute('components');
    await waitFor(() => !!part(filtered, 'title'), 2000, 'the notice again');
    part(filtered, 'dismiss-button')!.click();
    await settle(filtered);
    expect(part(filtered, 'base'), 'dismissed').to.equal(null);
    expect(filtered.hasAttribute('resolved')).to.equal(false);
  });

  it('marks a notice it could not confirm for stale-after seconds as possibly out of date, or hides it with when-stale="hide"', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major', title: 'Checkout failing' }]) });
    const el = await banner(src, { position: 'inline', 'stale-after': '0.2' });
    const hidden = await banner(src, { position: 'inline', 'stale-after': '0.2', 'when-stale': 'hide' });
    await configure(src, { status: 503 });
    // Refreshes fail until the notice is older than stale-after: from then on it is marked.
    for (let i = 0; i < 200 && !el.hasAttribute('stale'); i += 1) {
      await Promise.all([el.refresh(), hidden.refresh()]);
      await Promise.all([settle(el), settle(hidden)]);
    }
    // Never "all is well": the last notice stays, marked.
    expect(text(part(el, 'title'))).to.equal('Checkout failing');
    expect(text(part(el, 'stale'))).to.equal('May be out of date');
    expect(el.hasAttribute('stale')).to.equal(true);
    expect(part(hidden, 'base')).to.equal(null);
    await configure(src, { body: nativePayload([{ id: 'a', severity: 'major', title: 'Checkout failing' }]) });
    await Promise.all([el.refresh(), hidden.refresh()]);
    await Promise.all([settle(el), settle(hidden)]);
    expect(part(el, 'stale')).to.equal(null);
    expect(el.hasAttribute('stale')).to.equal(false);
    expect(text(part(hidden, 'title'))).to.equal('Checkout failing');
  });

  it('previews any severity and state with sample text, making no request', async () => {
    const requests = performance.getEntriesByType('resource').length;
    for (const severity of ['none', 'minor', 'major', 'critical', 'maintenance']) {
      const el = await preview(severity, { position: 'inline' });
      expect(el.getAttribute('severity'), severity).to.equal(severity);
      expect(text(part(el, 'title')), severity).to.not.equal('');
      expect(text(part(el, 'detail')), severity).to.not.equal('');
      el.remove();
    }
    const scheduled = await preview('maintenance scheduled', { position: 'inline' });
    expect(text(part(scheduled, 'meta'))).to.match(/^Scheduled · /);
    const resolved = await preview('critical resolved', { position: 'inline' });
    expect(text(part(resolved, 'headline'))).to.match(/^Resolved: /);
    expect(resolved.hasAttribute('resolved')).to.equal(true);
    const stale = await preview('minor stale', { position: 'inline' });
    expect(text(part(stale, 'stale'))).to.equal('May be out of date');
    const several = await preview('major several', { position: 'inline' });
    expect(text(part(several, 'more-button'))).to.equal('+2 more');
    const long = await preview('major long', { position: 'inline' });
    expect(part(long, 'toggle'), 'a long update is clamped').to.exist;
    // Its link and dismiss button can be styled too; dismissing hides it until the preview changes.
    expect(part(long, 'link')!.getAttribute('href')).to.equal('https://example.com/status');
    part(long, 'dismiss-button')!.click();
    await long.updateComplete;
    expect(part(long, 'base')).to.equal(null);
    long.setAttribute('preview', 'minor');
    await long.updateComplete;
    expect(long.getAttribute('severity')).to.equal('minor');
    // Only the view's own files, no status request.
    const fetched = performance.getEntriesByType('resource').slice(requests).map((entry) => entry.name);
    expect(fetched.filter((name) => name.includes('/__status/'))).to.deep.equal([]);
    // Switching a preview off turns the banner back into a live one.
    const src = await endpoint({ body: nativePayload([{ id: 'real', severity: 'minor', title: 'Real one' }]) });
    several.setAttribute('src', src);
    several.removeAttribute('preview');
    await waitFor(() => text(part(several, 'title')) === 'Real one', 3000, 'the live notice');
    expect(await requestLog(src)).to.have.length(1);
  });
});
