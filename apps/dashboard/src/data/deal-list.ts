import { resolveCompany, type CompanyResolution } from "./companies";
import { listDeals, type DealPage } from "./deals";
import { getFilterOptions, type FilterOptions } from "./taxonomy";
import { toDealFilter, toDealOrder, type DealListParams } from "@/lib/deal-list-params";

export const DEAL_PAGE_SIZE = 25;

export type DealListView = {
  options: FilterOptions;
  company: CompanyResolution;
  /** Null when a company was asked for and none matched: nothing can match then. */
  page: DealPage | null;
};

/** Everything the deal list shows: filter options and the company resolve in parallel, then the page. */
export async function loadDealList(params: DealListParams): Promise<DealListView> {
  const [options, company] = await Promise.all([getFilterOptions(), resolveCompany(params)]);
  if (company.unmatched) return { options, company, page: null };
  const page = await listDeals({
    filter: toDealFilter(params, company.selected?.id),
    orderBy: toDealOrder(params),
    first: DEAL_PAGE_SIZE,
    after: params.after,
  });
  return { options, company, page };
}
