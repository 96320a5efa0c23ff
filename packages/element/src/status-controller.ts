import { createStatusClient, type StatusClient, type StatusClientOptions, type StatusState } from '@status-banner/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Binds a status client to a host element's life: the client runs while the host is connected and has a
 * source, and is replaced when its options change. The host re-renders on every state change.
 */
export class StatusController implements ReactiveController {
  state: StatusState = { status: 'loading', notices: [] };
  #host: ReactiveControllerHost;
  #onChange: (state: StatusState) => void;
  #options: StatusClientOptions | undefined;
  #key = '';
  #client: StatusClient | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, onChange: (state: StatusState) => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  /** The running client, if any. */
  get client(): StatusClient | undefined {
    return this.#client;
  }

  /** Sets the client's options; a change that matters starts a new client. `undefined` stops it. */
  configure(options: StatusClientOptions | undefined): void {
    const key = options ? JSON.stringify({ ...options, storage: undefined, fetch: undefined }) : '';
    if (key === this.#key) return;
    this.#key = key;
    this.#options = options;
    this.#stop();
    if (this.#connected) this.#start();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#start();
  }

  hostDisconnected(): void {
    this.#connected = false;
    // Moving the element (remove, then insert elsewhere in the same task) must not restart the client and
    // blank the banner: stop only if it is still out of the document once the current task's DOM work is done.
    queueMicrotask(() => {
      if (!this.#connected) this.#stop();
    });
  }

  #start(): void {
    if (!this.#options || this.#client) return;
    // Created here, never at construction: a disconnected or server-rendered element makes no requests.
    const client = createStatusClient(this.#options);
    this.#client = client;
    this.#unsubscribe = client.subscribe((state) => this.#set(state));
    this.#set(client.getSnapshot());
  }

  #stop(): void {
    this.#unsubscribe?.();
    this.#client?.destroy();
    this.#client = undefined;
    this.#unsubscribe = undefined;
    this.#set({ status: 'loading', notices: [] });
  }

  #set(state: StatusState): void {
    if (state === this.state) return;
    this.state = state;
    this.#onChange(state);
    this.#host.requestUpdate();
  }
}
