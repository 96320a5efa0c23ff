import { createStatusClient, type StatusClient, type StatusClientOptions, type StatusState } from '@status-banner/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { StatusBannerChangeEvent } from './events.js';

const IDLE: StatusState = { status: 'loading', notices: [] };

/**
 * Binds a status client to a host element's life: the client runs while the host is connected and has a
 * source, and is replaced when its options change. The host re-renders on every state change and fires
 * `status-banner-change` for every new snapshot.
 */
export class StatusController implements ReactiveController {
  state = IDLE;
  client: StatusClient | undefined;
  #host: ReactiveControllerHost & EventTarget;
  #options: StatusClientOptions | undefined;
  #key = '';
  #connected = false;

  constructor(host: ReactiveControllerHost & EventTarget) {
    this.#host = host;
    host.addController(this);
  }

  /** Sets the client's options; a change that matters starts a new client, `undefined` stops it. */
  configure(options: StatusClientOptions | '' | undefined): void {
    const key = JSON.stringify(options ?? '');
    if (key === this.#key) return;
    this.#key = key;
    this.#options = options || undefined;
    this.#stop();
    this.hostConnected(this.#connected);
  }

  hostConnected(connected = true): void {
    this.#connected = connected;
    if (!connected || !this.#options || this.client) return;
    // Created here, never at construction: a disconnected or server-rendered element makes no requests.
    const client = (this.client = createStatusClient(this.#options));
    client.subscribe((state) => this.#set(state));
    this.#set(client.getSnapshot());
  }

  hostDisconnected(): void {
    this.#connected = false;
    // Moving the element (remove, then insert elsewhere in the same task) must not restart the client and
    // blank the banner: stop only if it is still out of the document once the current task's DOM work is done.
    queueMicrotask(() => this.#connected || this.#stop());
  }

  #stop(): void {
    this.client?.destroy();
    this.client = undefined;
    this.#set(IDLE);
  }

  #set(state: StatusState): void {
    const previous = this.state;
    if (state === previous) return;
    this.state = state;
    this.#host.requestUpdate();
    if (state.snapshot && state.snapshot !== previous.snapshot) this.#host.dispatchEvent(new StatusBannerChangeEvent(state.snapshot));
  }
}
