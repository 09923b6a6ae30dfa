/** Shown instead of a page's content when the API cannot be reached. */
export function ApiUnavailable({ url }: { url: string }) {
  return (
    <section className="notice notice--warning" role="alert" aria-labelledby="api-unavailable-title">
      <h1 id="api-unavailable-title">
        The Dealgraph API is not reachable at <span className="break-anywhere">{url}</span>
      </h1>
      <p>
        The dashboard shows only what the API answers, so there is nothing to show right now. Please check that the API
        is running and that the dashboard’s <code>API_URL</code> points at it, then reload this page.
      </p>
    </section>
  );
}
