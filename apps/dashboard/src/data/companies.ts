import { graphql } from "@/graphql";
import { queryApi } from "@/lib/graphql";

const CompanySearchQuery = graphql(`
  query CompanySearch($query: String!) {
    search(query: $query, first: 10) {
      matched
      score
      node {
        __typename
        ... on Entity {
          id
          name
          kind
        }
      }
    }
  }
`);

const EntityNameQuery = graphql(`
  query EntityName($id: ID!) {
    entity(id: $id) {
      id
      name
      kind
    }
  }
`);

export type CompanyChoice = { id: string; name: string };

/** The company a deal filter names, and the other entities the name could mean. */
export type CompanyResolution = {
  /** Set when the filter names a company; undefined when no company matched. */
  selected: CompanyChoice | undefined;
  alternatives: CompanyChoice[];
  /** True when a company was asked for (by id or name) but none was found. */
  unmatched: boolean;
};

/** Kinds of entity that can be a party to a deal. */
const PARTY_KINDS = new Set<string>(["ORGANIZATION", "PERSON"]);

const NONE: CompanyResolution = { selected: undefined, alternatives: [], unmatched: false };

/** Resolves `entityId` (exact) or `company` (a name, through the API's search: exact match first, else the best hit). */
export async function resolveCompany(input: { entityId?: string; company?: string }): Promise<CompanyResolution> {
  if (input.entityId) {
    const data = await queryApi(EntityNameQuery, { id: input.entityId });
    return data.entity
      ? { selected: { id: data.entity.id, name: data.entity.name }, alternatives: [], unmatched: false }
      : { ...NONE, unmatched: true };
  }
  if (!input.company) return NONE;

  const data = await queryApi(CompanySearchQuery, { query: input.company });
  const entities: Array<CompanyChoice & { exact: boolean }> = [];
  for (const hit of data.search) {
    const node = hit.node;
    if (node.__typename !== "Entity" || !PARTY_KINDS.has(node.kind)) continue;
    if (entities.some((entity) => entity.id === node.id)) continue;
    entities.push({ id: node.id, name: node.name, exact: hit.score >= 1 });
  }
  const selected = entities.find((entity) => entity.exact) ?? entities[0];
  if (!selected) return { ...NONE, unmatched: true };
  return {
    selected: { id: selected.id, name: selected.name },
    alternatives: entities.filter((entity) => entity.id !== selected.id).map(({ id, name }) => ({ id, name })),
    unmatched: false,
  };
}
