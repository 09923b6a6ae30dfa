import { REGION_LEVELS, TIME_GRAINS } from "./periods";
import { buildHref, firstParam, periodParam, type SearchParams } from "./search-params";

type RegionLevelOption = (typeof REGION_LEVELS)[number];
type TimeGrainOption = (typeof TIME_GRAINS)[number];

const DEFAULT_LEVEL: RegionLevelOption = { param: "continent", level: "CONTINENT", label: "Continent" };
const DEFAULT_GRAIN: TimeGrainOption = { param: "month", groupBy: "MONTH", label: "Month" };

export type OverviewParams = {
  level: RegionLevelOption;
  grain: TimeGrainOption;
  from?: string;
  to?: string;
};

export function parseOverviewParams(source: SearchParams): OverviewParams {
  const level = firstParam(source, "level");
  const period = firstParam(source, "period");
  return {
    level: REGION_LEVELS.find((option) => option.param === level) ?? DEFAULT_LEVEL,
    grain: TIME_GRAINS.find((option) => option.param === period) ?? DEFAULT_GRAIN,
    from: periodParam(source, "from"),
    to: periodParam(source, "to"),
  };
}

/** The overview URL with these choices; defaults are left out. */
export function overviewHref(params: OverviewParams, hash = ""): string {
  const href = buildHref("/", {
    level: params.level.param === DEFAULT_LEVEL.param ? undefined : params.level.param,
    period: params.grain.param === DEFAULT_GRAIN.param ? undefined : params.grain.param,
    from: params.from,
    to: params.to,
  });
  return `${href}${hash}`;
}
