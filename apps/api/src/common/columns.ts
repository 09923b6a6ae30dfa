import { Prisma, type Article, type Claim, type Deal, type Entity } from "@dealgraph/db";

type Fields<Row> = Record<keyof Row & string, boolean>;

/**
 * The columns of a table under the field names of its Prisma model (`subject_id AS "subjectId"`),
 * so that rows read through the driver (`Database.read`) or `$queryRaw` look like Prisma's own.
 * Every field of the model must be named, or left out on purpose with `false`: the compiler keeps
 * the list in step with the schema. Columns follow the schema's rule, the field name in snake case.
 * With a `prefix`, the names carry it (`"entity.name"`), for a joined row that `splitRow` takes apart.
 */
function columnsOf<Row>(table: string, fields: Fields<Row>, prefix = ""): Prisma.Sql {
  const list = Object.entries(fields)
    .filter(([, wanted]) => wanted)
    .map(([field]) => `${table}."${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}" AS "${prefix}${field}"`);
  return Prisma.raw(list.join(", "));
}

/** A joined row taken apart: the fields named `<prefix>…` (see `columnsOf`) and the others. */
export function splitRow<Own, Joined>(row: Record<string, unknown>, prefix: string): [Own, Joined] {
  const own: Record<string, unknown> = {};
  const joined: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    if (name.startsWith(prefix)) joined[name.slice(prefix.length)] = value;
    else own[name] = value;
  }
  return [own as Own, joined as Joined];
}

const ENTITY_FIELDS: Fields<Entity> = {
  id: true,
  kind: true,
  name: true,
  description: true,
  regionCode: true,
  parentId: true,
  mergedIntoId: true,
  reviewStatus: true,
  reviewReason: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
};
export const ENTITY_COLUMNS = columnsOf("e", ENTITY_FIELDS);
/** An entity joined to another row (`JOIN entity e`), as `entity.<field>`. */
export const JOINED_ENTITY_COLUMNS = columnsOf("e", ENTITY_FIELDS, "entity.");

export const CLAIM_COLUMNS = columnsOf<Claim>("c", {
  id: true,
  subjectId: true,
  predicate: true,
  valueKind: true,
  objectId: true,
  valueText: true,
  valueNumber: true,
  valueUnit: true,
  valueDate: true,
  valueDatePrecision: true,
  qualifierDate: true,
  qualifierDatePrecision: true,
  qualifierRegionCode: true,
  qualifierSectorCode: true,
  qualifierAmount: true,
  qualifierCurrency: true,
  qualifierRole: true,
  modality: true,
  confidence: true,
  rank: true,
  reviewStatus: true,
  reviewReason: true,
  method: true,
  methodVersion: true,
  dealId: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
});

/** An article without its text: what lists and evidence show (`ArticleHead`). */
const ARTICLE_HEAD_FIELDS: Fields<Article> = {
  id: true,
  url: true,
  title: true,
  publisher: true,
  publishedAt: true,
  publishedAtPrecision: true,
  language: true,
  text: false,
  contentHash: true,
  metadata: true,
  ingestedAt: true,
  updatedAt: true,
  deletedAt: true,
};
export const ARTICLE_HEAD_COLUMNS = columnsOf("a", ARTICLE_HEAD_FIELDS);
/** An article's head joined to another row (`JOIN article a`), as `article.<field>`. */
export const JOINED_ARTICLE_HEAD_COLUMNS = columnsOf("a", ARTICLE_HEAD_FIELDS, "article.");

export const DEAL_COLUMNS = columnsOf<Deal>("d", {
  id: true,
  type: true,
  status: true,
  title: true,
  summary: true,
  announcedAt: true,
  announcedAtPrecision: true,
  firstReportedAt: true,
  amount: true,
  currency: true,
  amountUsd: true,
  reviewStatus: true,
  reviewReason: true,
  confidence: true,
  importKey: true,
  mergedIntoId: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
});
