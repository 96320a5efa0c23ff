// The base of <status-banner>: Lit's ReactiveController contract over a small custom-element class instead of
// LitElement. LitElement and ReactiveElement weigh 6 KB gzipped of a 12 KB script-tag budget; this class does
// the part the banner needs in a fraction of that: reactive properties, attribute conversion, one batched
// update per microtask, controllers, and styles. It renders nothing itself and imports nothing of Lit's at run
// time: the banner's templates (Lit's) load only when there is something to show.

import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Turns an attribute's value (null when removed) into its property's value. */
export type AttributeConverter = (value: string | null) => unknown;

/** A reactive property: re-renders the element when set to a new value. */
export interface ReactiveProperty {
  /** The attribute that sets it, through `convert`; null for a property with no attribute. */
  attribute: string | null;
  convert?: AttributeConverter;
  /** The value it holds from construction when nothing (a framework rendering early) set it before. */
  default?: unknown;
}

/** Reads a number attribute: absent or unreadable gives undefined. */
export const toNumber: AttributeConverter = (value) => (value?.trim() && +value === +value ? +value : undefined);

// Node (server rendering) has no HTMLElement; the class must still be definable there, never constructed.
const Host = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;
const sheets = new Map<string, CSSStyleSheet>();

/**
 * A custom element that updates whenever one of its reactive properties changes, at most once per microtask,
 * and hosts Lit reactive controllers.
 */
export abstract class BaseElement extends Host implements ReactiveControllerHost {
  static #attributes: Record<string, [string, AttributeConverter]> = {};
  static #names: string[] = [];
  static #defaults: [string, unknown][] = [];

  static get observedAttributes(): string[] {
    return Object.keys(BaseElement.#attributes);
  }

  /** Defines the reactive properties (see {@link ReactiveProperty}). */
  protected static reactive(properties: Record<string, ReactiveProperty>): void {
    for (const [name, { attribute, convert, default: value }] of Object.entries(properties)) {
      BaseElement.#names.push(name);
      if (attribute && convert) BaseElement.#attributes[attribute] = [name, convert];
      if (value !== undefined) BaseElement.#defaults.push([name, value]);
      Object.defineProperty(this.prototype, name, {
        get(this: BaseElement) {
          return this.#values[name];
        },
        set(this: BaseElement, value: unknown) {
          if (this.#values[name] !== value) {
            this.#values[name] = value;
            this.requestUpdate();
          }
        },
      });
    }
  }

  /** No prototype: a property never set reads undefined, whatever a polluted `Object.prototype` holds. */
  #values: Record<string, unknown> = Object.create(null);
  #controllers = new Set<ReactiveController>();
  /** The last update scheduled; updates run one after another, never two at once. */
  #pending: Promise<void> = Promise.resolve();
  #queued = false;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    // A property set before the element was defined (a framework rendering early) is an own property that
    // would hide the accessor: move it behind the accessor.
    for (const name of BaseElement.#names) {
      if (Object.hasOwn(this, name)) {
        const value = (this as Record<string, unknown>)[name];
        delete (this as Record<string, unknown>)[name];
        (this as Record<string, unknown>)[name] = value;
      }
    }
    // Defaults fill only what a framework did not set before the element was defined.
    for (const [name, value] of BaseElement.#defaults) (this as Record<string, unknown>)[name] ??= value;
  }

  /** The shadow root the template renders into. */
  get renderRoot(): ShadowRoot {
    return this.shadowRoot!;
  }

  /**
   * @internal Applies `styles` to the shadow root. A constructable stylesheet, shared by every instance: a
   * `style-src` CSP does not block it. Browsers without one (Safari before 16.4) get a <style> element.
   */
  adoptStyles(styles: string): void {
    const root = this.renderRoot;
    if (root.adoptedStyleSheets) {
      let sheet = sheets.get(styles);
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(styles);
        sheets.set(styles, sheet);
      }
      root.adoptedStyleSheets = [sheet];
    } else if (!root.querySelector('style')) {
      root.prepend(Object.assign(document.createElement('style'), { textContent: styles }));
    }
  }

  /** Resolves once every pending update, including those an update itself asked for, is done. */
  get updateComplete(): Promise<boolean> {
    const pending = this.#pending;
    return pending.then(() => (pending === this.#pending ? true : this.updateComplete));
  }

  addController(controller: ReactiveController): void {
    this.#controllers.add(controller);
  }

  removeController(controller: ReactiveController): void {
    this.#controllers.delete(controller);
  }

  /** Schedules an update for the end of the current microtask queue; several requests make one update. */
  requestUpdate(): void {
    if (this.#queued) return;
    this.#queued = true;
    this.#pending = this.#pending.then(async () => {
      this.#queued = false;
      try {
        if (this.isConnected) await this.update();
      } catch (error) {
        // Never an unhandled rejection on the host page, even for a bug of ours.
        console.error('[status-banner]', error);
      }
    });
  }

  connectedCallback(): void {
    this.#controllers.forEach((controller) => controller.hostConnected?.());
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    this.#controllers.forEach((controller) => controller.hostDisconnected?.());
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    const [property, convert] = BaseElement.#attributes[name]!;
    (this as Record<string, unknown>)[property] = convert(value);
  }

  /** @internal Sets an attribute to `value`, or removes it for undefined. */
  reflect(name: string, value: string | undefined): void {
    if (value === undefined) this.removeAttribute(name);
    else if (this.getAttribute(name) !== value) this.setAttribute(name, value);
  }

  /** Brings the shadow root in line with the properties; may be asynchronous (`updateComplete` waits). */
  protected abstract update(): void | Promise<void>;
}
