"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { resolveCompany } from "@/data/companies";
import { createWatchlist } from "@/data/watchlists";
import { ApiError, ApiUnreachableError } from "@/lib/graphql";
import {
  checkWatchlistValues,
  companyNames,
  fieldOfPath,
  readWatchlistValues,
  watchlistHref,
  type WatchlistFormError,
  type WatchlistFormState,
} from "@/lib/watchlist-form";

/** Company names → entity ids through the API's search (the deal filter's reading); unmatched names are errors. */
async function resolveCompanies(text: string): Promise<{ ids: string[]; error: WatchlistFormError | null }> {
  const names = companyNames(text);
  const resolved = await Promise.all(names.map((company) => resolveCompany({ company })));
  const unmatched = names.filter((_, index) => !resolved[index]?.selected);
  const ids = [...new Set(resolved.flatMap((resolution) => (resolution.selected ? [resolution.selected.id] : [])))];
  if (unmatched.length === 0) return { ids, error: null };
  const list = unmatched.map((name) => `“${name}”`).join(", ");
  return {
    ids,
    error: { field: "companies", message: `No company matches ${list}. Check the spelling, or try another name.` },
  };
}

/** Creates a watchlist from the form; errors come back beside their fields with what was typed kept. */
export async function submitWatchlist(_previous: WatchlistFormState, form: FormData): Promise<WatchlistFormState> {
  const values = readWatchlistValues(form);
  const errors = checkWatchlistValues(values);
  let watchlistId: string;
  try {
    const companies = await resolveCompanies(values.companies);
    if (companies.error) errors.push(companies.error);
    if (errors.length > 0) return { values, errors };
    const answer = await createWatchlist({
      name: values.name,
      entityIds: companies.ids,
      includeUnits: values.includeUnits,
      regionCodes: values.regionCodes,
      sectorCodes: values.sectorCodes,
      dealTypes: values.dealTypes,
    });
    if (answer.errors.length > 0 || !answer.watchlist) {
      return {
        values,
        errors: answer.errors.map((error) => ({ field: fieldOfPath(error.field), message: error.message })),
      };
    }
    watchlistId = answer.watchlist.id;
  } catch (error) {
    if (error instanceof ApiUnreachableError || error instanceof ApiError) {
      return { values, errors: [...errors, { field: null, message: error.message }] };
    }
    throw error;
  }
  revalidatePath("/watchlists");
  redirect(watchlistHref(watchlistId));
}
