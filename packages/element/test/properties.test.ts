// The property table (src/properties.ts) and what is derived from it agree: the element's accessors and
// defaults, the attributes it observes and how each converts, the script tag's allow-list, and the client's
// options. (The manifest's agreement is packages/element/test/node/property-table.test.mjs, on the built files.)

import { expect } from '@open-wc/testing';
import type { StatusClientOptions } from '@status-banner/core';
import { StatusBannerElement } from '@status-banner/element';
import { clientOptions, PLATFORM_ATTRIBUTES, PROPERTIES, SCRIPT_ATTRIBUTES, type BannerProperties } from '../src/properties.js';

const rows = Object.entries(PROPERTIES);
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Every client option the table names is one of the client's: checked when the tests compile. */
type OptionNames = { [K in keyof typeof PROPERTIES]: (typeof PROPERTIES)[K] extends { option: unknown } ? K : never }[keyof typeof PROPERTIES];
const optionsAreTheClients: OptionNames extends keyof StatusClientOptions ? true : never = true;
/** And the element's fields are the table's, with the table's types. */
const fieldsAreTheTables: StatusBannerElement extends BannerProperties ? true : never = true;

describe('the property table', () => {
  afterEach(() => document.querySelectorAll('status-banner').forEach((el) => el.remove()));

  it('types the element and the client options (compile-time checks)', () => {
    expect(optionsAreTheClients && fieldsAreTheTables).to.equal(true);
  });

  it('gives the element one accessor per row, and a default only where a row has one', () => {
    const el = document.createElement('status-banner');
    for (const [name, row] of rows) {
      expect(Object.getOwnPropertyDescriptor(StatusBannerElement.prototype, name)?.set, name).to.be.a('function');
      expect(el[name as keyof BannerProperties], name).to.equal('default' in row ? row.default : undefined);
    }
    expect(el.position).to.equal('top');
    expect(el.dismissible).to.equal(true);
  });

  it('observes each row\'s attribute (its name in kebab-case) and the page\'s lang, and nothing else', () => {
    const attributes = rows.flatMap(([name, row]) => {
      if (row.attribute) expect(row.attribute, name).to.equal(kebab(name));
      return row.attribute ? [row.attribute] : [];
    });
    expect(StatusBannerElement.observedAttributes).to.deep.equal([...attributes, ...PLATFORM_ATTRIBUTES]);
    expect(StatusBannerElement.observedAttributes).to.deep.equal([
      ...['src', 'stream', 'transport', 'provider', 'time-zone', 'interval', 'components', 'position', 'corner', 'push', 'theme'],
      ...['compact', 'dismissible', 'maintenance-lead', 'stale-after', 'when-stale', 'resolved-linger', 'preview', 'lang'],
    ]);
    expect(PROPERTIES.strings.attribute, 'strings is a property only').to.equal(null);
  });

  it('converts each attribute to its property\'s type', () => {
    const el = document.createElement('status-banner');
    const set = (attributes: Record<string, string>) => Object.entries(attributes).forEach(([name, value]) => el.setAttribute(name, value));
    set({ src: ' https://status.example.com ', 'time-zone': 'Europe/Berlin', interval: '30', 'maintenance-lead': '3600', 'stale-after': 'soon' });
    set({ push: '', compact: 'false', dismissible: 'false', 'when-stale': 'hide', corner: 'top-left' });
    expect(el.src).to.equal(' https://status.example.com ');
    expect(el.timeZone).to.equal('Europe/Berlin');
    expect([el.interval, el.maintenanceLead, el.staleAfter]).to.deep.equal([30, 3600, undefined]);
    expect([el.push, el.compact, el.dismissible]).to.deep.equal([true, false, false]);
    expect([el.whenStale, el.corner]).to.deep.equal(['hide', 'top-left']);
    el.removeAttribute('dismissible');
    el.removeAttribute('push');
    el.removeAttribute('src');
    expect([el.dismissible, el.push, el.src]).to.deep.equal([true, false, undefined]);
  });

  it('lets a script tag set every attribute but preview, and lang', () => {
    expect(SCRIPT_ATTRIBUTES).to.deep.equal([
      ...['src', 'stream', 'transport', 'provider', 'time-zone', 'interval', 'components', 'position', 'corner', 'push', 'theme'],
      ...['compact', 'dismissible', 'maintenance-lead', 'stale-after', 'when-stale', 'resolved-linger', 'lang'],
    ]);
  });

  it('makes the client options from the rows that are options, as the client wants them', () => {
    const el = document.createElement('status-banner');
    expect(clientOptions(el), 'no src, no client').to.equal(undefined);
    el.src = '   ';
    expect(clientOptions(el), 'a blank src, no client').to.equal(undefined);
    Object.assign(el, { src: ' https://status.example.com ', stream: ' ', transport: 'auto', provider: '', timeZone: 'UTC', interval: 30 });
    Object.assign(el, { components: 'api, web', maintenanceLead: 60, staleAfter: 120, position: 'bottom', preview: 'major', resolvedLinger: 5 });
    const options = clientOptions(el)!;
    expect(Object.keys(options)).to.deep.equal(rows.filter(([, row]) => 'option' in row).map(([name]) => name));
    expect(options).to.deep.equal({
      src: 'https://status.example.com',
      stream: undefined,
      transport: undefined,
      provider: undefined,
      timeZone: 'UTC',
      interval: 30,
      components: ['api', 'web'],
      maintenanceLead: 60,
      staleAfter: 120,
    });
    el.transport = 'sse';
    el.stream = ' https://status.example.com/stream ';
    expect(clientOptions(el)).to.include({ transport: 'sse', stream: 'https://status.example.com/stream' });
  });
});
