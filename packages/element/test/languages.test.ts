// Twelve languages: chosen from the lang attribute, then the document's, then the browser's; right to left for
// Arabic and Hebrew; every word replaceable; times through Intl; only the language in use is loaded.

import { expect } from '@open-wc/testing';
import type { StatusBannerStrings } from '@status-banner/element';
import { LOCALES, matchLocale } from '../src/locale.js';
import { en } from '../src/strings.js';
import { banner, part, preview, text, useBannerPage } from '../../../test/helpers/banners.js';
import { waitFor } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { endpoint } from '../../../test/helpers/status-server.js';

const label = (strings: StatusBannerStrings, word: string) => strings.severityLabel.replace('{severity}', word).replace(/\s+/g, ' ');
const words = async (locale: string): Promise<StatusBannerStrings> =>
  locale === 'en' ? en : (await import(`../src/locales/${locale}.ts`)).default;

describe('languages', () => {
  useBannerPage('status-banner, section');
  let src: string;
  const updatedAt = new Date(Date.now() - 5 * 60_000 - 5000).toISOString();
  before(async () => {
    src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major', phase: 'identified', title: 'Checkout failing', updatedAt }]) });
  });
  afterEach(() => {
    document.documentElement.setAttribute('lang', 'en');
  });

  // First: the other tests load every language.
  it('loads the words of the language in use, and no other', async () => {
    const before = performance.getEntriesByType('resource').length;
    await preview('minor', { position: 'inline', lang: 'nl' });
    const loaded = performance.getEntriesByType('resource').slice(before).map((entry) => new URL(entry.name).pathname);
    expect(loaded.filter((path) => path.includes('/locales/'))).to.deep.equal(['/packages/element/src/locales/nl.ts']);
  });

  it('speaks at least twelve languages, every one with every word', async () => {
    expect(LOCALES).to.have.length.at.least(12);
    for (const locale of LOCALES) {
      const strings = await words(locale);
      expect(Object.keys(strings).sort(), locale).to.deep.equal(Object.keys(en).sort());
      // Placeholders survive translation.
      for (const key of Object.keys(en) as (keyof StatusBannerStrings)[]) {
        const placeholders = (value?: string) => (value ?? '').match(/\{\w+\}/g)?.sort() ?? [];
        expect(placeholders(strings[key]), `${locale}.${key}`).to.deep.equal(placeholders(en[key]));
      }
    }
  });

  for (const locale of LOCALES) {
    it(`${locale}: its words, its relative times, ${locale === 'ar' || locale === 'he' ? 'right to left' : 'left to right'}`, async () => {
      const strings = await words(locale);
      const el = await banner(src, { position: 'inline', lang: locale });
      const base = part(el, 'base')!;
      expect(text(part(el, 'severity'))).to.equal(label(strings, strings.major));
      expect(part(el, 'dismiss-button')!.getAttribute('aria-label')).to.equal(strings.dismiss.replace('{title}', 'Checkout failing'));
      expect(base.getAttribute('aria-label')).to.equal(strings.label);
      const ago = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-5, 'minute');
      expect(text(part(el, 'meta'))).to.contain(strings.identified!).and.contain(strings.updated.replace('{time}', ago));
      expect(base.getAttribute('lang')).to.equal(locale);
      expect(base.getAttribute('dir')).to.equal(locale === 'ar' || locale === 'he' ? 'rtl' : 'ltr');
      expect(getComputedStyle(base).direction).to.equal(locale === 'ar' || locale === 'he' ? 'rtl' : 'ltr');
    });
  }

  it('lays Arabic and Hebrew out right to left: the icon at the right, the actions at the left', async () => {
    for (const lang of ['ar', 'he']) {
      const el = await preview('major', { position: 'inline', lang });
      const icon = part(el, 'icon')!.getBoundingClientRect();
      const actions = part(el, 'actions')!.getBoundingClientRect();
      expect(icon.left, lang).to.be.above(actions.right);
      el.remove();
    }
  });

  it('mirrors the dismiss button\'s spacing right to left: the same gap to the link and to the edge as left to right', async () => {
    const spacing = async (lang: string) => {
      const el = await preview('major', { position: 'inline', lang });
      const [base, link, dismiss] = ['base', 'link', 'dismiss-button'].map((name) => part(el, name)!.getBoundingClientRect()) as [DOMRect, DOMRect, DOMRect];
      const rtl = lang === 'ar' || lang === 'he';
      const found = { gap: rtl ? link.left - dismiss.right : dismiss.left - link.right, edge: rtl ? dismiss.left - base.left : base.right - dismiss.right };
      el.remove();
      return found;
    };
    const ltr = await spacing('en');
    for (const lang of ['ar', 'he']) {
      const rtl = await spacing(lang);
      expect(rtl.gap, `${lang} gap`).to.be.closeTo(ltr.gap, 0.5);
      expect(rtl.edge, `${lang} edge`).to.be.closeTo(ltr.edge, 0.5);
    }
  });

  it('takes the nearest lang attribute, then the document\'s, then the browser\'s languages', async () => {
    const section = document.createElement('section');
    section.lang = 'fr';
    document.body.append(section);
    const inSection = await preview('minor', { position: 'inline' }, section);
    expect(text(part(inSection, 'severity'))).to.equal(label(await words('fr'), (await words('fr')).minor));
    const own = await preview('minor', { position: 'inline', lang: 'ja' }, section);
    expect(text(part(own, 'severity'))).to.equal(label(await words('ja'), (await words('ja')).minor));

    document.documentElement.setAttribute('lang', 'de-AT');
    const fromDocument = await preview('minor', { position: 'inline' });
    expect(text(part(fromDocument, 'severity'))).to.equal(label(await words('de'), (await words('de')).minor));

    document.documentElement.removeAttribute('lang');
    const languages = Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages')!;
    Object.defineProperty(navigator, 'languages', { configurable: true, get: () => ['sv-SE', 'ko-KR', 'en'] });
    try {
      const fromBrowser = await preview('minor', { position: 'inline' });
      expect(text(part(fromBrowser, 'severity')), 'the first language it speaks').to.equal(label(await words('ko'), (await words('ko')).minor));
    } finally {
      Object.defineProperty(navigator, 'languages', languages);
      delete (navigator as { languages?: unknown }).languages;
    }
  });

  it("speaks the page's new language as soon as the page, or a section around the banner, changes its lang", async () => {
    const section = document.createElement('section');
    document.body.append(section);
    const el = await preview('minor', { position: 'inline' }, section);
    try {
      const severity = async (locale: string) => label(await words(locale), (await words(locale)).minor);
      expect(text(part(el, 'severity'))).to.equal(await severity('en'));
      document.documentElement.setAttribute('lang', 'de');
      await waitFor(() => part(el, 'base')!.lang === 'de', 1000, 'German, from the document');
      await el.updateComplete;
      expect(text(part(el, 'severity'))).to.equal(await severity('de'));
      section.lang = 'fr';
      await waitFor(() => part(el, 'base')!.lang === 'fr', 1000, 'French, from the section');
      await el.updateComplete;
      expect(text(part(el, 'severity'))).to.equal(await severity('fr'));
    } finally {
      document.documentElement.removeAttribute('lang');
      section.remove();
    }
  });

  it('matches language tags sensibly, and says English for a language it does not speak', async () => {
    expect(matchLocale('pt')).to.equal('pt-BR');
    expect(matchLocale('pt-PT')).to.equal('pt-BR');
    expect(matchLocale('zh')).to.equal('zh-CN');
    expect(matchLocale('zh-Hans-SG')).to.equal('zh-CN');
    expect(matchLocale('zh-TW'), 'Traditional script').to.equal(undefined);
    expect(matchLocale('iw'), 'the old code for Hebrew').to.equal('he');
    expect(matchLocale('en-GB')).to.equal('en');
    expect(matchLocale('not a tag')).to.equal(undefined);
    const swedish = await preview('minor', { position: 'inline', lang: 'sv' });
    expect(text(part(swedish, 'severity'))).to.equal(label(en, en.minor));
  });

  it('lets any word be replaced, in any language', async () => {
    const el = await banner(src, { position: 'inline', lang: 'es' });
    el.strings = { major: 'Caída', link: 'Estado completo' };
    await el.updateComplete;
    expect(text(part(el, 'severity'))).to.equal('Caída:');
    expect(text(part(el, 'link'))).to.equal('Estado completo');
    // The words it was not given stay Spanish.
    expect(text(part(el, 'meta'))).to.contain((await words('es')).identified!);
  });
});
