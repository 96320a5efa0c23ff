// Counters and gauges, rendered in the Prometheus text format (version 0.0.4) for `/metrics`.

type Labels = Record<string, string>;

/** A counter that only goes up, optionally by labels. */
export interface Counter {
  inc(labels?: Labels, by?: number): void;
  get(labels?: Labels): number;
}

/** The relay's metrics: counters it bumps, gauges read when scraped. */
export interface Metrics {
  counter(name: string, help: string): Counter;
  /**
   * A value read at scrape time: one number, or one per label set. `type` `counter` for one that only goes up
   * (kept by another module).
   */
  gauge(name: string, help: string, read: () => number | [Labels, number][], type?: 'gauge' | 'counter'): void;
  /** The text a Prometheus scrape reads. */
  render(): string;
}

const labelText = (labels: Labels = {}) => {
  const entries = Object.entries(labels);
  return entries.length ? `{${entries.map(([k, v]) => `${k}="${v.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`))}"`).join(',')}}` : '';
};

/** A new, empty set of metrics (each relay has its own). */
export function createMetrics(): Metrics {
  const blocks: (() => string)[] = [];
  return {
    counter(name, help) {
      const values = new Map<string, number>();
      blocks.push(() => {
        const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} counter`];
        if (values.size === 0) lines.push(`${name} 0`);
        for (const [labels, value] of values) lines.push(`${name}${labels} ${value}`);
        return lines.join('\n');
      });
      return {
        inc(labels, by = 1) {
          const key = labelText(labels);
          values.set(key, (values.get(key) ?? 0) + by);
        },
        get: (labels) => values.get(labelText(labels)) ?? 0,
      };
    },
    gauge(name, help, read, type = 'gauge') {
      blocks.push(() => {
        const value = read();
        const rows = typeof value === 'number' ? [[{}, value] as [Labels, number]] : value;
        return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...rows.map(([labels, v]) => `${name}${labelText(labels)} ${v}`)].join('\n');
      });
    },
    render: () => `${blocks.map((block) => block()).join('\n')}\n`,
  };
}
