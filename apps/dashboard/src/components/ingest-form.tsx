"use client";

import Link from "next/link";
import { useActionState } from "react";
import { submitArticle } from "@/app/ingest/actions";
import { humanize } from "@/lib/enums";
import { formatConfidence, formatCount, pluralize } from "@/lib/format";
import { INITIAL_INGEST_STATE, type FormError, type IngestField, type IngestResultView } from "@/lib/ingest-form";

type FieldSpec = { name: IngestField; label: string; hint?: string; required?: boolean };

const FIELDS: FieldSpec[] = [
  { name: "title", label: "Title", required: true },
  { name: "url", label: "URL", hint: "Where it was published (http or https)" },
  { name: "publisher", label: "Publisher" },
  { name: "publishedAt", label: "Published", hint: "YYYY-MM-DD, YYYY-MM or YYYY" },
];

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

/**
 * The article form, posted through a Server Action. It works without JavaScript (the page re-renders
 * with the answer); with it, the answer replaces the form's state in place.
 */
export function IngestForm() {
  const [state, action, pending] = useActionState(submitArticle, INITIAL_INGEST_STATE);
  const errorOf = (name: IngestField): FormError | undefined => state.errors.find((error) => error.field === name);
  const formErrors = state.errors.filter((error) => error.field === null);

  return (
    <>
      {state.result ? <IngestResult result={state.result} /> : null}
      <form action={action} className="card section ingest-form" aria-labelledby="ingest-form-title">
        <h2 id="ingest-form-title">Article</h2>
        {state.errors.length > 0 ? (
          <div className="notice notice--error" role="alert" id="ingest-errors">
            <h3>The API did not store the article</h3>
            <ul>
              {state.errors.map((error) => (
                <li key={`${error.field ?? "form"}-${error.message}`}>
                  {error.field ? (
                    <a href={`#ingest-${error.field}`}>
                      {FIELDS.find((field) => field.name === error.field)?.label ?? "Text"}: {error.message}
                    </a>
                  ) : (
                    error.message
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="ingest-fields">
          {FIELDS.map((field) => {
            const error = errorOf(field.name);
            const id = `ingest-${field.name}`;
            return (
              <div className="field" key={field.name}>
                <label htmlFor={id}>
                  {field.label}
                  {field.required ? <span className="muted"> (required)</span> : null}
                </label>
                <input
                  id={id}
                  name={field.name}
                  type={field.name === "url" ? "url" : "text"}
                  inputMode={field.name === "publishedAt" ? "numeric" : undefined}
                  required={field.required}
                  defaultValue={state.values[field.name]}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy(field.hint && `${id}-hint`, error && `${id}-error`)}
                />
                {field.hint ? (
                  <span id={`${id}-hint`} className="hint">
                    {field.hint}
                  </span>
                ) : null}
                {error ? (
                  <span id={`${id}-error`} className="field-error">
                    {error.message}
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
        <div className="field ingest-text">
          <label htmlFor="ingest-text">
            Text <span className="muted">(required)</span>
          </label>
          <textarea
            id="ingest-text"
            name="text"
            required
            rows={12}
            defaultValue={state.values.text}
            aria-invalid={errorOf("text") ? true : undefined}
            aria-describedby={describedBy("ingest-text-hint", errorOf("text") && "ingest-text-error")}
          />
          <span id="ingest-text-hint" className="hint">
            The article as it stands; share bars and comment prompts are removed before it is stored.
          </span>
          {errorOf("text") ? (
            <span id="ingest-text-error" className="field-error">
              {errorOf("text")?.message}
            </span>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={pending}>
            {pending ? "Ingesting…" : "Ingest article"}
          </button>
          {formErrors.length === 0 && pending ? (
            <span className="muted" role="status">
              Extracting entities, claims and deals…
            </span>
          ) : null}
        </div>
      </form>
    </>
  );
}

function IngestResult({ result }: { result: IngestResultView }) {
  const article = result.article;
  const proposedEntities = result.entities.filter((entity) => entity.reviewStatus === "PROPOSED");
  const counts = result.counts ?? { deals: 0, claims: 0, entities: 0, attachedDeals: 0, autoAccepted: 0 };
  return (
    <section className="card ingest-result" aria-labelledby="ingest-result-title">
      <div role="status">
        <h2 id="ingest-result-title">{result.duplicate ? "Already stored: a duplicate" : "Stored as a new article"}</h2>
        {article ? (
          <p>
            {result.duplicate ? "The same text is already the article " : "The article "}
            <Link href={`/articles/${encodeURIComponent(article.id)}`}>{article.title}</Link>
            {result.duplicate ? "; nothing new was made." : "."}
          </p>
        ) : null}
      </div>
      {result.duplicate ? null : (
        <>
          <p>
            Proposed: {pluralize(counts.deals, "new deal")}, {pluralize(counts.claims, "claim")} and{" "}
            {pluralize(counts.entities, "new entity", "new entities")}
            {counts.attachedDeals ? `; ${pluralize(counts.attachedDeals, "known deal")} now also cite it` : ""}
            {counts.autoAccepted ? `; ${formatCount(counts.autoAccepted)} accepted at once` : ""}.{" "}
            <Link href="/review">Review them in the queue</Link>
          </p>

          <h3>Deals</h3>
          {result.deals.length === 0 ? (
            <p className="muted">No deal found in this text.</p>
          ) : (
            <ul className="plain-list result-list" aria-label="Proposed deals">
              {result.deals.map((deal) => (
                <li key={deal.id}>
                  <Link href={`/deals/${encodeURIComponent(deal.id)}`}>{deal.title}</Link>{" "}
                  <span className="badge">{humanize(deal.type)}</span>{" "}
                  <span className={`badge badge--${deal.reviewStatus.toLowerCase()}`}>
                    {humanize(deal.reviewStatus)}
                  </span>
                  <div className="muted">
                    Confidence {formatConfidence(deal.confidence)} · parties: {deal.parties.join(", ") || "—"}
                    {deal.sectors.length ? ` · sectors: ${deal.sectors.join(", ")}` : ""}
                    {deal.markets.length ? ` · markets: ${deal.markets.join(", ")}` : ""}
                  </div>
                </li>
              ))}
            </ul>
          )}

          <h3>Claims</h3>
          {result.claims.length === 0 ? (
            <p className="muted">No claim found in this text.</p>
          ) : (
            <ul className="plain-list result-list" aria-label="Proposed claims">
              {result.claims.map((claim) => (
                <li key={claim.id}>
                  {claim.statement}{" "}
                  <span className={`badge badge--${claim.reviewStatus.toLowerCase()}`}>
                    {humanize(claim.reviewStatus)}
                  </span>
                  <div className="muted">
                    Confidence {formatConfidence(claim.confidence)}
                    {claim.quote ? (
                      <>
                        {" "}
                        · <a href={claim.quote.href}>“{claim.quote.text}”</a>
                      </>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          )}

          <h3>Entities</h3>
          <p className="muted">
            {proposedEntities.length === 0
              ? "Every name in the text was already known."
              : `${pluralize(proposedEntities.length, "new name")} to review${
                  result.entities.length > proposedEntities.length
                    ? `; ${formatCount(result.entities.length - proposedEntities.length)} already known`
                    : ""
                }.`}
          </p>
          {result.entities.length > 0 ? (
            <ul className="tag-list" aria-label="Entities named">
              {result.entities.map((entity) => (
                <li key={entity.id}>
                  <Link href={`/entities/${encodeURIComponent(entity.id)}`}>{entity.name}</Link>{" "}
                  <span className={`badge badge--${entity.reviewStatus.toLowerCase()}`}>
                    {humanize(entity.kind)}, {humanize(entity.reviewStatus).toLowerCase()}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </section>
  );
}
