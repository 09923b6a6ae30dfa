"use client";

import { useActionState } from "react";
import { submitWatchlist } from "@/app/watchlists/actions";
import type { FilterOptions } from "@/data/taxonomy";
import { DEAL_TYPES, humanize } from "@/lib/enums";
import { INITIAL_WATCHLIST_STATE, type WatchlistField, type WatchlistFormError } from "@/lib/watchlist-form";
import styles from "./watchlists.module.css";
import { RegionOptions, SectorOptions } from "./taxonomy-options";

const LABELS: Record<WatchlistField, string> = {
  name: "Name",
  companies: "Companies",
  regionCodes: "Regions",
  sectorCodes: "Sectors",
  dealTypes: "Deal types",
};

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

function FieldError({ id, error }: { id: string; error: WatchlistFormError | undefined }) {
  return error ? (
    <span id={id} className="field-error">
      {error.message}
    </span>
  ) : null;
}

/**
 * The new-watchlist form, posted through a Server Action. Without JavaScript the browser posts it and
 * the page comes back with the errors beside their fields (or moves on to the new watchlist).
 */
export function WatchlistForm({ options }: { options: FilterOptions }) {
  const [state, action, pending] = useActionState(submitWatchlist, INITIAL_WATCHLIST_STATE);
  const { values } = state;
  const errorOf = (field: WatchlistField) => state.errors.find((error) => error.field === field);
  const invalid = (field: WatchlistField) => (errorOf(field) ? true : undefined);
  // A fresh key per answer re-applies the kept values (uncontrolled fields read defaults once).
  const formKey = JSON.stringify(values);

  return (
    <form action={action} className="card" aria-labelledby="watchlist-form-title" key={formKey}>
      <h2 id="watchlist-form-title">New watchlist</h2>
      <p className="muted">
        Every part you fill in must hold; within a part, any choice matches. Leave a part empty to match every deal.
        Deals accepted from now on that match arrive on the watchlist.
      </p>
      {state.errors.length > 0 ? (
        <div className="notice notice--error" role="alert">
          <h3>The watchlist was not saved</h3>
          <ul>
            {state.errors.map((error) => (
              <li key={`${error.field ?? "form"}-${error.message}`}>
                {error.field ? (
                  <a href={`#watchlist-${error.field}`}>
                    {LABELS[error.field]}: {error.message}
                  </a>
                ) : (
                  error.message
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className={styles.formGrid}>
        <div className="field">
          <label htmlFor="watchlist-name">
            Name <span className="muted">(required)</span>
          </label>
          <input
            id="watchlist-name"
            name="name"
            type="text"
            required
            maxLength={100}
            defaultValue={values.name}
            aria-invalid={invalid("name")}
            aria-describedby={describedBy(errorOf("name") && "watchlist-name-error")}
          />
          <FieldError id="watchlist-name-error" error={errorOf("name")} />
        </div>

        <div className="field">
          <label htmlFor="watchlist-companies">Companies</label>
          <textarea
            id="watchlist-companies"
            name="companies"
            rows={3}
            defaultValue={values.companies}
            autoComplete="off"
            aria-invalid={invalid("companies")}
            aria-describedby={describedBy(
              "watchlist-companies-hint",
              errorOf("companies") && "watchlist-companies-error",
            )}
          />
          <span id="watchlist-companies-hint" className="hint">
            One name or alias per line, e.g. Alibaba; each is looked up as in the deal filter
          </span>
          <label className="check">
            <input type="checkbox" name="includeUnits" value="true" defaultChecked={values.includeUnits} />
            Include their units (subsidiaries)
          </label>
          <FieldError id="watchlist-companies-error" error={errorOf("companies")} />
        </div>

        <div className="field">
          <label htmlFor="watchlist-regionCodes">Regions</label>
          <select
            id="watchlist-regionCodes"
            name="regionCodes"
            multiple
            size={8}
            defaultValue={values.regionCodes}
            aria-invalid={invalid("regionCodes")}
            aria-describedby={describedBy(
              "watchlist-regionCodes-hint",
              errorOf("regionCodes") && "watchlist-regionCodes-error",
            )}
          >
            <RegionOptions options={options} />
          </select>
          <span id="watchlist-regionCodes-hint" className="hint">
            Markets; a region includes the countries within it. Ctrl or ⌘ + click to choose several
          </span>
          <FieldError id="watchlist-regionCodes-error" error={errorOf("regionCodes")} />
        </div>

        <div className="field">
          <label htmlFor="watchlist-sectorCodes">Sectors</label>
          <select
            id="watchlist-sectorCodes"
            name="sectorCodes"
            multiple
            size={8}
            defaultValue={values.sectorCodes}
            aria-invalid={invalid("sectorCodes")}
            aria-describedby={describedBy(
              "watchlist-sectorCodes-hint",
              errorOf("sectorCodes") && "watchlist-sectorCodes-error",
            )}
          >
            <SectorOptions options={options} />
          </select>
          <span id="watchlist-sectorCodes-hint" className="hint">
            A section includes its themes. Ctrl or ⌘ + click to choose several
          </span>
          <FieldError id="watchlist-sectorCodes-error" error={errorOf("sectorCodes")} />
        </div>

        <fieldset
          className={styles.types}
          aria-describedby={describedBy(errorOf("dealTypes") && "watchlist-dealTypes-error")}
          id="watchlist-dealTypes"
        >
          <legend>Deal types</legend>
          <div className={`checks ${styles.typeChecks}`}>
            {DEAL_TYPES.map((type) => (
              <label className="check" key={type}>
                <input type="checkbox" name="dealTypes" value={type} defaultChecked={values.dealTypes.includes(type)} />
                {humanize(type)}
              </label>
            ))}
          </div>
          <FieldError id="watchlist-dealTypes-error" error={errorOf("dealTypes")} />
        </fieldset>
      </div>

      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : "Create watchlist"}
        </button>
      </div>
    </form>
  );
}
