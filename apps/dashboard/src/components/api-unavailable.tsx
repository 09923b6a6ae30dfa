/** Shown instead of a page's content when the API cannot be reached. */
export function ApiUnavailable({ url }: { url: string }) {
  return (
    <section className="notice notice--warning" role="alert" aria-labelledby="api-unavailable-title">
      <h1 id="api-unavailable-title">The Dealgraph API is not reachable at {url}</h1>
      <p>
        The dashboard shows only what the API answers, so there is nothing to show right now. Please check that the
        API is running (<code>npm start</code> at the repository root starts it with the dashboard), then reload this
        page.
      </p>
    </section>
  );
}
