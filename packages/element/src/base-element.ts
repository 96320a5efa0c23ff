// The base of <status-banner>: Lit's templates (`lit/html.js`) and Lit's ReactiveController contract, over
// a small custom-element class instead of LitElement. LitElement and ReactiveElement weigh 6 KB gzipped of a
// 12 KB script-tag budget; this class does the part the banner needs in a fraction of that:
// reactive properties, attribute conversion, one batched render per microtask, controllers, and styles.

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { render } from 'lit/html.js';

/** Turns an attribute's value (null when removed) into its property's value. */
export type AttributeConverter = (value: string | null) => unknown;

/** Attribute name → [property name, converter]. Without a converter the property gets the string or undefined. */
export type AttributeMap = Record<string, [property: string, convert?: AttributeConverter]>;

/** Reads a number attribute: absent or unreadable gives undefined. */
export const toNumber: AttributeConverter = (value) => (value === null || value.trim() === '' || isNaN(+value) ? undefined : +value);

// Node (server rendering) has no HTMLElement; the class must still be definable there, never constructed.
const Host = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;
const sheets = new WeakMap<object, CSSStyleSheet>();

/**
 * A custom element that renders a Lit template into its shadow root whenever one of its reactive properties
 * changes, at most once per microtask, and hosts Lit reactive controllers.
 */
export abstract class BaseElement extends Host implements ReactiveControllerHost {
  /** The attributes the element observes. */
  static attributes: AttributeMap = {};
  /** The element's CSS. */
  static styles = '';

  static get observedAttributes(): string[] {
    return Object.keys(this.attributes);
  }

  /** Defines properties that re-render the element when set to a new value. */
  protected static reactive(...names: string[]): void {
    for (const name of names) {
      Object.defineProperty(this.prototype, name, {
        get(this: BaseElement) {
          return this.#values[name];
        },
        set(this: BaseElement, value: unknown) {
          if (this.#values[name] === value) return;
          this.#values[name] = value;
          this.requestUpdate();
        },
        configurable: true,
      });
      BaseElement.#names.push(name);
    }
  }

  static #names: string[] = [];
  #values: Record<string, unknown> = {};
  #controllers = new Set<ReactiveController>();
  #pending: Promise<void> | undefined;

  constructor() {
    super();
    const ctor = this.constructor as typeof BaseElement;
    const root = this.attachShadow({ mode: 'open' });
    if ('adoptedStyleSheets' in root) {
      // Constructable stylesheets, shared by every instance: `style-src` CSP does not block them.
      let sheet = sheets.get(ctor);
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(ctor.styles);
        sheets.set(ctor, sheet);
      }
      root.adoptedStyleSheets = [sheet];
    } else {
      const style = document.createElement('style');
      style.textContent = ctor.styles;
      (root as ShadowRoot).append(style);
    }
    // A property set before the element was defined (a framework rendering early) is an own property that
    // would hide the accessor: move it behind the accessor.
    for (const name of BaseElement.#names) {
      if (Object.hasOwn(this, name)) {
        const value = (this as Record<string, unknown>)[name];
        delete (this as Record<string, unknown>)[name];
        (this as Record<string, unknown>)[name] = value;
      }
    }
  }

  /** The shadow root the template renders into. */
  get renderRoot(): ShadowRoot {
    return this.shadowRoot!;
  }

  /** Resolves once every pending render, including those a render itself asked for, is done. */
  get updateComplete(): Promise<boolean> {
    return (async () => {
      while (this.#pending) await this.#pending;
      return true;
    })();
  }

  addController(controller: ReactiveController): void {
    this.#controllers.add(controller);
    if (this.isConnected) controller.hostConnected?.();
  }

  removeController(controller: ReactiveController): void {
    this.#controllers.delete(controller);
  }

  /** Schedules a render for the end of the current microtask queue; several requests make one render. */
  requestUpdate(): void {
    this.#pending ??= Promise.resolve().then(() => {
      this.#pending = undefined;
      if (!this.isConnected) return;
      try {
        this.willUpdate();
        render(this.render(), this.renderRoot, { host: this });
        this.updated();
      } catch (error) {
        // Never an unhandled rejection on the host page, even for a bug of ours.
        console.error('[status-banner]', error);
      }
    });
  }

  connectedCallback(): void {
    for (const controller of this.#controllers) controller.hostConnected?.();
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    for (const controller of this.#controllers) controller.hostDisconnected?.();
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    const [property, convert] = (this.constructor as typeof BaseElement).attributes[name]!;
    (this as Record<string, unknown>)[property] = convert ? convert(value) : (value ?? undefined);
  }

  /** Sets an attribute to `value`, or removes it for undefined. */
  protected reflect(name: string, value: string | undefined): void {
    if (value === undefined) this.removeAttribute(name);
    else if (this.getAttribute(name) !== value) this.setAttribute(name, value);
  }

  /** Before each render. */
  protected willUpdate(): void {}
  /** The template. */
  protected abstract render(): unknown;
  /** After each render. */
  protected updated(): void {}
}
