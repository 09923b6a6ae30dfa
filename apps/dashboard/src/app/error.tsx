"use client";

import { useEffect } from "react";

/** Unexpected failures: say so plainly, offer a retry, keep the layout. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  return (
    <section className="notice notice--warning" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">This page could not be loaded</h1>
      <p>
        Something went wrong while asking the Dealgraph API for this page. It may be temporary: try again, or go back to
        the overview.
      </p>
      {digest ? <p className="muted">Reference for the server logs: {digest}</p> : null}
      <div className="actions">
        <button type="button" className="button" onClick={() => retry()}>
          Try again
        </button>
        <a className="button button--secondary" href="/">
          Back to the overview
        </a>
      </div>
    </section>
  );
}
