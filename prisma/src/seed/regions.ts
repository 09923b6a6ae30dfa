import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { Prisma } from "../../generated/client.ts";
import { dataDir } from "../paths.ts";

export const WORLD = "001";

interface M49Row {
  name: string;
  "alpha-2": string;
  "alpha-3": string;
  "country-code": string;
  region: string;
  "sub-region": string;
  "intermediate-region": string;
  "region-code": string;
  "sub-region-code": string;
  "intermediate-region-code": string;
}

/**
 * The UN M49 tree from the ISO 3166 / M49 table: World → continent → sub-region →
 * intermediate region (where M49 has one) → country. Countries without a region
 * (Antarctica, Taiwan in this table) hang directly under World.
 */
export function buildRegionTree(csv = readFileSync(`${dataDir}/iso3166-m49.csv`, "utf8")) {
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as M49Row[];
  const regions = new Map<string, Prisma.RegionCreateManyInput>();
  regions.set(WORLD, { code: WORLD, name: "World", level: "WORLD", parentCode: null, path: WORLD });

  const add = (input: Omit<Prisma.RegionCreateManyInput, "path">, parentPath: string) => {
    const path = `${parentPath}/${input.code}`;
    if (!regions.has(input.code)) regions.set(input.code, { ...input, path, ...ancestorsAtLevels(path, input.level) });
    return path;
  };
  const levelOf = (code: string) => regions.get(code)?.level;
  const ancestorsAtLevels = (path: string, ownLevel: Prisma.RegionCreateManyInput["level"]) => {
    const codes = path.split("/");
    const at = (level: string) =>
      codes.find((code, index) => (index === codes.length - 1 ? ownLevel : levelOf(code)) === level) ?? null;
    return {
      continentCode: at("CONTINENT"),
      subRegionCode: at("SUB_REGION"),
      intermediateRegionCode: at("INTERMEDIATE_REGION"),
      countryCode: at("COUNTRY"),
    };
  };

  for (const row of rows) {
    let path = WORLD;
    let parent = WORLD;
    const levels = [
      [row["region-code"], row.region, "CONTINENT"],
      [row["sub-region-code"], row["sub-region"], "SUB_REGION"],
      [row["intermediate-region-code"], row["intermediate-region"], "INTERMEDIATE_REGION"],
    ] as const;
    for (const [code, name, level] of levels) {
      if (!code) continue;
      path = add({ code, name, level, parentCode: parent }, path);
      parent = code;
    }
    add(
      {
        code: row["country-code"],
        name: row.name,
        level: "COUNTRY",
        parentCode: parent,
        alpha2: row["alpha-2"],
        alpha3: row["alpha-3"],
      },
      path,
    );
  }
  return [...regions.values()];
}
