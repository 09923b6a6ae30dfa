"use client";

import { useActionState } from "react";
import { INITIAL_WEBHOOK_STATE, type WebhookFormState } from "@/lib/watchlist-form";
import styles from "./watchlists.module.css";

const VERIFY_SNIPPET = `import { createHmac, timingSafeEqual } from "node:crypto";

// header: the X-Dealgraph-Signature request header; body: the raw request body, as received
function verify(secret, header, body) {
  const { t, v1 } = Object.fromEntries(header.split(",").map((part) => part.split("=")));
  if (Math.abs(Date.now() / 1000 - Number(t)) > 300) return false; // older than 5 minutes: a replay
  const expected = createHmac("sha256", secret).update(\`\${t}.\${body}\`).digest("hex");
  return v1?.length === expected.length && timingSafeEqual(Buffer.from(v1), Buffer.from(expected));
}`;

/**
 * Sets or replaces a watchlist's webhook through a Server Action. The answer holds the signing secret,
 * shown here this once (also without JavaScript: the page comes back with it).
 */
export function WebhookForm({
  action: saveAction,
  replacing,
}: {
  action: (previous: WebhookFormState, form: FormData) => Promise<WebhookFormState>;
  replacing: boolean;
}) {
  const [state, action, pending] = useActionState(saveAction, INITIAL_WEBHOOK_STATE);
  return (
    <>
      {state.secret ? (
        <div className="notice notice--success" role="status">
          <h3>Webhook set: copy its signing secret now</h3>
          <p>It is shown this once; the dashboard cannot show it again (replace the URL to get a new one).</p>
          <p>
            <code className={styles.secret}>{state.secret}</code>
          </p>
          <p>
            Each delivery is a JSON <code>POST</code> with the header{" "}
            <code>X-Dealgraph-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>, where <code>v1</code> is the
            HMAC-SHA256 under this secret of <code>&lt;t&gt;.&lt;raw body&gt;</code>, in hex. Compute it over the body
            exactly as received, compare in constant time, and refuse old timestamps:
          </p>
          <pre className={styles.snippet} tabIndex={0} aria-label="How to verify a delivery (Node.js)">
            <code>{VERIFY_SNIPPET}</code>
          </pre>
        </div>
      ) : null}
      <form action={action} className={styles.webhookForm} key={state.secret ?? state.url}>
        <div className="field">
          <label htmlFor="webhook-url">{replacing ? "New URL" : "URL"}</label>
          <input
            id="webhook-url"
            name="url"
            type="url"
            required
            placeholder="https://example.com/hooks/dealgraph"
            defaultValue={state.url}
            aria-invalid={state.error ? true : undefined}
            aria-describedby={state.error ? "webhook-url-hint webhook-url-error" : "webhook-url-hint"}
          />
          <span id="webhook-url-hint" className="hint">
            http or https; private and loopback addresses are refused unless the API allows them
          </span>
          {state.error ? (
            <span id="webhook-url-error" className="field-error">
              {state.error}
            </span>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={pending}>
            {pending ? "Saving…" : replacing ? "Replace webhook" : "Set webhook"}
          </button>
        </div>
      </form>
    </>
  );
}
