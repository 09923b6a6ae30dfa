import { cache } from "react";
import { graphql, type ResultOf } from "@/graphql";
import { queryApi } from "@/lib/graphql";

const FilterOptionsQuery = graphql(`
  query FilterOptions {
    continents: regions(level: CONTINENT) {
      code
      name
    }
    subRegions: regions(level: SUB_REGION) {
      code
      name
    }
    intermediateRegions: regions(level: INTERMEDIATE_REGION) {
      code
      name
    }
    countries: regions(level: COUNTRY) {
      code
      name
    }
    sectors {
      code
      name
      kind
      children {
        code
        name
        kind
      }
    }
  }
`);

export type FilterOptions = ResultOf<typeof FilterOptionsQuery>;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en");

/** Regions (M49) and sectors for the filter form, sorted by name for the eye. */
export const getFilterOptions = cache(async (): Promise<FilterOptions> => {
  const data = await queryApi(FilterOptionsQuery, {});
  return {
    continents: data.continents.toSorted(byName),
    subRegions: data.subRegions.toSorted(byName),
    intermediateRegions: data.intermediateRegions.toSorted(byName),
    countries: data.countries.toSorted(byName),
    sectors: data.sectors,
  };
});
