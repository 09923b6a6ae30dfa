"use server";

import { revalidatePath } from "next/cache";
import { ingestArticle, toIngestView } from "@/data/ingest";
import { ApiError, ApiUnreachableError } from "@/lib/graphql";
import {
  EMPTY_INGEST_VALUES,
  fieldOfPath,
  readIngestValues,
  type IngestFormState,
  type IngestValues,
} from "@/lib/ingest-form";

const orNull = (value: string) => (value === "" ? null : value);

/** Posts the article to the API's ingestArticle; errors come back next to the form with the typed text kept. */
export async function submitArticle(_previous: IngestFormState, form: FormData): Promise<IngestFormState> {
  const values: IngestValues = readIngestValues(form);
  try {
    const answer = await ingestArticle({
      url: orNull(values.url),
      title: values.title,
      publisher: orNull(values.publisher),
      publishedAt: orNull(values.publishedAt),
      text: values.text,
    });
    if (answer.errors.length > 0) {
      return {
        values,
        errors: answer.errors.map((error) => ({ field: fieldOfPath(error.field), message: error.message })),
        result: null,
      };
    }
    if (!answer.duplicate) revalidatePath("/review");
    // A new article empties the form for the next one; a duplicate keeps what was typed.
    return { values: answer.duplicate ? values : EMPTY_INGEST_VALUES, errors: [], result: toIngestView(answer) };
  } catch (error) {
    if (error instanceof ApiUnreachableError || error instanceof ApiError) {
      return { values, errors: [{ field: null, message: error.message }], result: null };
    }
    throw error;
  }
}
