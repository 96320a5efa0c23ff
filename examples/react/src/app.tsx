import { StatusBanner, useStatus, type Notice, type StatusBannerChangeEvent, type StatusBannerDismissEvent } from '@status-banner/react';
import { useState } from 'react';

/** The demo app: the ready-made banner on top, and a panel of our own built on the same source. */
export function App({ statusServer }: { statusServer: string }) {
  // The demo's relay serves the status as one JSON document to poll and as a stream of its changes.
  const src = `${statusServer}/status.json`;
  const stream = `${statusServer}/stream`;
  const [log, setLog] = useState<string[]>([]);
  const note = (line: string) => setLog((lines) => [`${new Date().toLocaleTimeString()}  ${line}`, ...lines].slice(0, 8));

  return (
    <>
      {/* 1. The component: every prop is the element's property of the same name. */}
      <StatusBanner
        src={src}
        stream={stream}
        position="top"
        strings={{ link: 'Status page' }}
        onChange={(event: StatusBannerChangeEvent) => note(`change: ${event.snapshot.notices[0]?.title ?? 'all clear'}`)}
        onDismiss={(event: StatusBannerDismissEvent) => note(`dismissed: ${event.notice.title}`)}
      />
      <main className="page">
        <h1>Acme dashboard (React)</h1>
        <p>
          The banner above is <code>&lt;StatusBanner&gt;</code>. The panel below is our own markup, fed by{' '}
          <code>useStatus()</code> on the same source.
        </p>
        <StatusPanel src={src} stream={stream} />
        <h2>Events</h2>
        <ol className="log" aria-label="Banner events">
          {log.map((line, i) => (
            <li key={log.length - i}>{line}</li>
          ))}
        </ol>
      </main>
    </>
  );
}

/** 2. The hook: render the status your own way. */
function StatusPanel({ src, stream }: { src: string; stream: string }) {
  const { status, notices, snapshot, error, refresh } = useStatus({ src, stream });
  return (
    <section className="panel" aria-live="polite" data-testid="status-panel">
      <h2>{snapshot?.page.name ?? 'Status'}</h2>
      {status === 'loading' && <p>Checking…</p>}
      {status === 'error' && <p>Status unavailable ({error?.message}).</p>}
      {status === 'ready' && notices.length === 0 && <p className="ok">All systems operational.</p>}
      <ul>
        {notices.map((notice: Notice) => (
          <li key={notice.id} className={`notice ${notice.severity}`}>
            <strong>{notice.title}</strong> · {notice.phase.replace('_', ' ')}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void refresh()}>
        Check now
      </button>
    </section>
  );
}
