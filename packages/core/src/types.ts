/**
 * How bad things are. `maintenance` is planned work; `none` is an incident the provider marked as having no
 * impact (support chat down, say).
 */
export type Severity = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';

/** The overall state of a status page, as its provider rolls it up. */
export type Indicator = Severity;

/**
 * Where a notice is in its life, normalised across providers. Incidents move through `investigating`,
 * `identified`, `monitoring` and `resolved` (`postmortem` counts as resolved); maintenance through `scheduled`,
 * `in_progress`, `verifying` and `completed`. A value a provider adds later becomes `unknown`.
 */
export type Phase =
  | 'investigating'
  | 'identified'
  | 'monitoring'
  | 'resolved'
  | 'postmortem'
  | 'scheduled'
  | 'in_progress'
  | 'verifying'
  | 'completed'
  | 'cancelled'
  | 'unknown';

/** The state of one component, normalised across providers. */
export type ComponentStatus =
  | 'operational'
  | 'degraded'
  | 'partial_outage'
  | 'major_outage'
  | 'maintenance'
  | 'unknown';

/** One component (service) of a status page. */
export interface Component {
  /** The provider's id. Components are matched by id, never by name (names change and get group prefixes). */
  id: string;
  name: string;
  status: ComponentStatus;
  /** The id of the group this component belongs to, if any. */
  groupId?: string;
  /** For a group: the ids of its children. Present only on groups. */
  childIds?: string[];
}

/** One thing a banner may show: an unresolved incident, or maintenance that is due or under way. */
export interface Notice {
  /** The provider's id for the incident or maintenance. */
  id: string;
  kind: 'incident' | 'maintenance';
  /** Plain text. Render it as text, never as HTML. */
  title: string;
  severity: Severity;
  phase: Phase;
  /** The latest update, as plain text with paragraph breaks (`\n\n`) kept and no markup left. */
  message?: string;
  /** ISO-8601 in UTC. When the latest update was posted. */
  updatedAt?: string;
  /**
   * ISO-8601 in UTC. When the incident started or the maintenance began: none for maintenance that is only
   * planned, and never before its scheduled start.
   */
  startedAt?: string;
  /** ISO-8601 in UTC. When maintenance is due to start. */
  scheduledStart?: string;
  /** ISO-8601 in UTC. When maintenance is due to end. */
  scheduledEnd?: string;
  /** A link to the notice on the status page; only ever `http:` or `https:`. */
  url?: string;
  /** Ids of the components it affects (see {@link Component.id}). */
  componentIds: string[];
  /**
   * Changes whenever the notice gets a new update or its severity changes. A dismissal is kept for one
   * `id` + `revision`, so a dismissed banner comes back when there is news.
   */
  revision: string;
}

/** A status page normalised to what a banner needs. */
export interface StatusSnapshot {
  /** The provider whose format was read, e.g. `statuspage`. */
  provider: string;
  page: {
    name?: string;
    /** The status page itself; only ever `http:` or `https:`. */
    url?: string;
  };
  /** The page's overall state. */
  indicator: Indicator;
  /** What a banner should show, most severe first, then most recently updated. */
  notices: Notice[];
  components: Component[];
  /**
   * A monotonic version, when the source provides one (the native protocol does). A client ignores a
   * snapshot older than the one it shows.
   */
  version?: number;
  /** The native protocol's hint: poll at this interval (seconds) instead of the client's own. */
  pollAfterSeconds?: number;
  /** The native protocol's hint: after this long (seconds) without a good update, the data may be out of date. */
  staleAfterSeconds?: number;
}

/** Options for {@link parseStatus}. */
export interface ParseOptions {
  /** A provider id (`statuspage`, `uptimekuma`, … or one from `defineProvider`); detected from the payload when absent. */
  provider?: string;
  /** The time to judge the lead window against. Default: now. */
  now?: Date;
  /** How far ahead scheduled maintenance becomes a notice, in seconds. Default 86 400 (24 h). */
  maintenanceLead?: number;
  /**
   * The IANA time zone (`Europe/Berlin`) of a page that writes times without a zone and leaves the zone to its
   * own settings (Cachet). Default UTC, Cachet's own default. Uptime Kuma needs none: its payloads say.
   */
  timeZone?: string;
}

/** What a provider source receives besides the payload. */
export interface ParseContext {
  now: Date;
  /** In milliseconds. */
  maintenanceLead: number;
  /** See {@link ParseOptions.timeZone}; absent means UTC. */
  timeZone?: string;
}

/**
 * One update of a notice, as a source hands it to the shared builder: the provider's own values, unchecked. The
 * builder takes the latest update, by `at`, as the notice's word: its text is the message, its time `updatedAt`,
 * its id the revision, and what it says of the notice (phase, severity) wins over what the notice itself says.
 */
export interface SourceUpdate {
  /** The provider's id for the update: a new one is news, and brings a dismissed notice back. */
  id?: unknown;
  /** When it was posted (or displayed), as an ISO-8601 time; the source converts any other form first. */
  at?: unknown;
  /** Its words as the provider writes them: HTML, Markdown or plain text. The builder flattens them. */
  text?: unknown;
  /** The notice's phase as of this update (one of {@link Phase}), when the provider says. */
  phase?: unknown;
  /** The notice's severity as of this update (one of {@link Severity}), when the provider says. */
  severity?: unknown;
}

/**
 * Where a provider says a notice is over. The builder drops a notice whose phase ends it (resolved, postmortem,
 * completed, cancelled), whose latest update's phase does, whose `resolved` is `true`, or whose `at` has passed.
 */
export interface SourceEnd {
  /** `true` when the provider's own flag says it is over (Cachet's `is_resolved`, Better Stack's `resolved`). */
  resolved?: boolean;
  /** When it ended or ends, as an ISO-8601 time. */
  at?: unknown;
}

/**
 * A notice as a source maps it: the {@link Notice} field names with the provider's values, unchecked (the builder
 * validates them all), plus where its latest word and its end are. `updates` and `end` are required so that no
 * source can forget them: a provider that dates no update hands over `[]`, one that never says "over" but by its
 * phase hands over `{}`.
 */
export interface SourceNotice {
  id: unknown;
  kind: 'incident' | 'maintenance';
  /** As the provider writes it (HTML and entities are flattened by the builder). */
  title: unknown;
  severity?: unknown;
  phase?: unknown;
  /** The notice's own words, used when no update has any (Cachet's incident message, Uptime Kuma's content). */
  message?: unknown;
  /** Used when no update has a readable time. */
  updatedAt?: unknown;
  startedAt?: unknown;
  scheduledStart?: unknown;
  scheduledEnd?: unknown;
  url?: unknown;
  componentIds?: unknown;
  /** Default `<latest update id, else updatedAt>:<severity>`. */
  revision?: unknown;
  /** Every update the provider lists for the notice, in any order. */
  updates: readonly SourceUpdate[];
  end: SourceEnd;
}

/** What a source reads from a payload, for the shared builder: the native shape, values unchecked. */
export interface SourceResult {
  page?: unknown;
  /** One of the severities; anything else means "derive it from what is open". */
  indicator?: unknown;
  notices: readonly SourceNotice[];
  components?: unknown;
}

/**
 * A status-page format. Sources are pure: they read a payload and say which URLs to try, and never fetch.
 */
export interface StatusSource {
  /** The provider id reported in {@link StatusSnapshot.provider}. */
  id: string;
  /** Whether a parsed JSON payload looks like this provider's. Cheap, and never throws. */
  detect(payload: unknown): boolean;
  /**
   * Reads a payload. Throws `StatusFormatError` when it cannot. Every built-in source maps the payload onto
   * {@link SourceResult} and hands it to the one shared builder, which decides what is open and makes every title
   * and message plain text.
   */
  parse(payload: unknown, context: ParseContext): StatusSnapshot;
  /**
   * The endpoints to try, most likely first, when `url` is a base URL of this provider's page (its origin, or a
   * page URL that names it). Empty when `url` already is an endpoint, or names nothing this provider can use.
   * New URLs every call; `url` is left alone.
   */
  endpoints(url: URL): URL[];
  /**
   * Further endpoints fetched beside `endpoint` on every poll, by name: each answer that is JSON reaches `parse` as
   * `payload[name]` (Uptime Kuma's heartbeats beside its status page; Cachet's schedules and components beside its
   * incidents). An answer that fails is left out.
   */
  companions?(endpoint: URL): Record<string, URL>;
}

/**
 * Where a client keeps dismissals and the last good snapshot. Every method may reject; the client treats a
 * failure as "nothing stored" and never lets it reach the page.
 */
export interface StatusStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** The phases of a client's life. */
export type ClientStatus = 'loading' | 'ready' | 'error' | 'stopped';

/** What a client knows at a moment. A new object whenever anything in it changes. */
export interface StatusState {
  status: ClientStatus;
  /** The latest good snapshot, from the network or from storage. */
  snapshot?: StatusSnapshot;
  /** The notices to show: those of the snapshot that match the component filter and are not dismissed. */
  notices: Notice[];
  /** The last failure, cleared by the next success. */
  error?: Error;
  /**
   * True when the snapshot has gone unconfirmed for longer than the client's `staleAfter` and the latest
   * attempt to refresh it failed, or the device is offline: what it says may be out of date. Cleared by the
   * next good answer.
   */
  stale?: boolean;
  /** Epoch milliseconds when this snapshot was first received (not when it was last confirmed unchanged). */
  fetchedAt?: number;
}

/** A listener passed to `subscribe`. */
export type StatusListener = (state: StatusState) => void;
