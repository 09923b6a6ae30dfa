import type { NextRequest } from "next/server";
import { resolveCompany } from "@/data/companies";
import { DEAL_CSV_HEADER, dealCsvValues } from "@/data/deal-csv";
import { pageDeals, type DealRow } from "@/data/deals";
import { csvRow } from "@/lib/csv";
import { parseDealListParams, toDealFilter, toDealOrder } from "@/lib/deal-list-params";
import { ApiError, ApiUnreachableError } from "@/lib/graphql";

function textResponse(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * Every deal the list's filters match (all pages, whatever `after` says), streamed as CSV
 * while the API is paged through.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const params = parseDealListParams(request.nextUrl.searchParams);
  const encoder = new TextEncoder();

  let pages: AsyncGenerator<DealRow[]> | null = null;
  let firstPage: DealRow[] = [];
  try {
    const company = await resolveCompany(params);
    if (!company.unmatched) {
      pages = pageDeals({ filter: toDealFilter(params, company.selected?.id), orderBy: toDealOrder(params) });
      // The first page is read before answering, so a failing API gives a status code, not a cut-off file.
      const first = await pages.next();
      firstPage = first.done ? [] : first.value;
    }
  } catch (error) {
    if (error instanceof ApiUnreachableError) return textResponse(503, error.message);
    if (error instanceof ApiError) return textResponse(400, `The API refused these filters: ${error.message}`);
    throw error;
  }

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(DEAL_CSV_HEADER)));
      for (const deal of firstPage) controller.enqueue(encoder.encode(csvRow(dealCsvValues(deal))));
      if (!pages) controller.close();
    },
    async pull(controller) {
      if (!pages) return;
      try {
        const next = await pages.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map((deal) => csvRow(dealCsvValues(deal))).join("")));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await pages?.return(undefined);
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="dealgraph-deals.csv"',
      "cache-control": "no-store",
    },
  });
}
