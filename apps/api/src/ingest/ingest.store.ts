import { randomUUID } from "node:crypto";
import { toUsd, type Article, type DealStatus, type Prisma, type ReviewStatus } from "@dealgraph/db";
import { toJson, type Actor, type Tx } from "../audit/audit.service.ts";
import { escapeLike } from "../entity/entity.service.ts";
import type { TaxonomyCatalog } from "../taxonomy/taxonomy.catalog.ts";
import type { Extraction, KnownEntity } from "./ingest.extractor.ts";
import { firstWord, nameKey, parseFuzzyDay } from "./ingest.names.ts";

type XClaim = Extraction["claims"][number];
type XDeal = Extraction["deals"][number];
type XRef = XClaim["subject"];
type XEvidence = XClaim["evidence"];

/** Steps of storing one article, in order; tests make one of them fail to prove all-or-nothing. */
export type IngestStep = "article" | "entities" | "mentions" | "deals" | "claims" | "audit";

export interface StoreSettings {
  /** Provenance of everything proposed (method RULE). */
  methodVersion: string;
  /** Proposals at or above this confidence are accepted at once; null keeps everything PROPOSED. */
  autoAcceptConfidence: number | null;
  /** A reported deal joins a known one (same type and parties) announced or first reported within this many days. */
  dealWindowDays: number;
  afterStep?: (step: IngestStep) => void | Promise<void>;
}

export interface StoreOutcome {
  /** New entities proposed for names nobody knew. */
  entities: number;
  claims: number;
  deals: number;
  mentions: number;
  /** Known deals this article was attached to as a further source. */
  attachedDeals: number;
  /** Claims and deals accepted at once by the confidence threshold. */
  autoAccepted: number;
  /** Claims found again that were already stored (in any review state, rejected ones included). */
  keptClaims: number;
  /** Every deal the article created or joined, in extraction order. */
  dealIds: string[];
  /** The deals it created and accepted at once: they arrive on matching watchlists. */
  acceptedDealIds: string[];
}

interface Resolved {
  id: string;
  name: string;
  status: ReviewStatus;
}

const STATUS_RANK: Record<DealStatus, number> = { RUMOURED: 0, ANNOUNCED: 1, SIGNED: 2, COMPLETED: 3, TERMINATED: 3 };

/** A later report may repeat an earlier stage: the status only ever moves forward. */
export function laterStatus(current: DealStatus, reported: DealStatus): DealStatus {
  return STATUS_RANK[reported] > STATUS_RANK[current] ? reported : current;
}

const DEAL_LABEL: Record<XDeal["type"], string> = {
  STRATEGIC_PARTNERSHIP: "strategic partnership",
  CHANNEL_PARTNERSHIP: "channel partnership",
  JOINT_VENTURE: "joint venture",
  LICENSING: "licensing deal",
  INVESTMENT: "investment",
  ACQUISITION: "acquisition",
  MERGER: "merger",
};

/** The claim that stands for a deal when the extractor gave the deal but no claim supporting it. */
const DEAL_PREDICATE: Record<XDeal["type"], XClaim["predicate"]> = {
  STRATEGIC_PARTNERSHIP: "PARTNERS_WITH",
  CHANNEL_PARTNERSHIP: "PARTNERS_WITH",
  JOINT_VENTURE: "JOINT_VENTURE_WITH",
  LICENSING: "LICENSED_TO",
  INVESTMENT: "INVESTED_IN",
  ACQUISITION: "ACQUIRED",
  MERGER: "MERGED_WITH",
};

/** Roles that lead a deal's title and stand as the subject of its claim. */
const LEADING_ROLES = new Set(["ACQUIRER", "INVESTOR", "LICENSOR", "PRINCIPAL", "VENTURE_PARENT"]);

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(Math.max(n, 0), 1) : 0);

/**
 * Stores what extraction proposes for one article inside the caller's transaction: mentions,
 * proposed entities for unknown names that take part in a claim or a deal, deals (joined to a
 * known deal when it is the same real-world deal), claims with evidence, and their audit events.
 * Claims already stored for the same evidence (rejected ones included) are never made again.
 */
export async function storeExtraction(
  tx: Tx,
  deps: { catalog: TaxonomyCatalog; viewer: Actor },
  article: Pick<Article, "id" | "text" | "publishedAt">,
  extraction: Extraction,
  knowledge: KnownEntity[],
  settings: StoreSettings,
): Promise<StoreOutcome> {
  const step = async (name: IngestStep) => settings.afterStep?.(name);
  const audits: Prisma.AuditEventCreateManyInput[] = [];
  const audit = (action: string, targetType: string, targetId: string, before: unknown, after: unknown) =>
    audits.push({
      actor: deps.viewer.actor,
      requestId: deps.viewer.requestId,
      action,
      targetType,
      targetId,
      before: toJson(before),
      after: toJson(after),
    });
  const accepts = (confidence: number) =>
    settings.autoAcceptConfidence !== null && confidence >= settings.autoAcceptConfidence;
  const outcome: StoreOutcome = {
    entities: 0,
    claims: 0,
    deals: 0,
    mentions: 0,
    attachedDeals: 0,
    autoAccepted: 0,
    keptClaims: 0,
    dealIds: [],
    acceptedDealIds: [],
  };

  // ── entities ──
  const entities = await resolveEntities(tx, extraction, knowledge);
  for (const created of entities.created) {
    audit("CREATE", "Entity", created.id, undefined, { ...created, method: "RULE", articleId: article.id });
  }
  outcome.entities = entities.created.length;
  await step("entities");

  // ── mentions ──
  const mentions = extraction.mentions
    .filter((m) => validSpan(article.text, m.start, m.end) && article.text.slice(m.start, m.end) === m.text)
    .map((m) => ({
      articleId: article.id,
      entityId:
        (m.entityId ? entities.byGivenId.get(m.entityId)?.id : undefined) ??
        entities.lookup(m.kind, m.proposedName ?? m.text)?.id ??
        null,
      text: m.text,
      start: m.start,
      end: m.end,
    }));
  outcome.mentions = (await tx.mention.createMany({ data: mentions, skipDuplicates: true })).count;
  await step("mentions");

  // ── deals ──
  const claimsForDeal = new Set(extraction.claims.flatMap((c) => (c.dealKey ? [c.dealKey] : [])));
  const extraClaims: XClaim[] = [];
  const dealIdByKey = new Map<string, string>();
  const acceptedDealEntities = new Set<string>();
  for (const deal of extraction.deals) {
    const parties = dedupeParties(deal.participants.map((p) => ({ entity: entities.resolve(p.ref), role: p.role })));
    // Deals with a party a curator rejected as an entity are not proposed again.
    if (!parties.length || parties.some((p) => !p.entity || p.entity.status === "REJECTED")) continue;
    const known = parties.flatMap((p) => (p.entity ? [{ ...p, entity: p.entity }] : []));
    const stored = await storeDeal(tx, deps.catalog, article, deal, known, settings, accepts(deal.confidence));
    if (stored.created) {
      outcome.deals += 1;
      if (stored.accepted) {
        outcome.autoAccepted += 1;
        outcome.acceptedDealIds.push(stored.id);
        for (const p of known) acceptedDealEntities.add(p.entity.id);
      }
      audit("CREATE", "Deal", stored.id, undefined, stored.after);
      if (!claimsForDeal.has(deal.key)) {
        const claim = dealClaim(deal, known);
        if (claim) extraClaims.push(claim);
      }
    } else {
      outcome.attachedDeals += 1;
      audit("UPDATE", "Deal", stored.id, stored.before, stored.after);
    }
    dealIdByKey.set(deal.key, stored.id);
    if (!outcome.dealIds.includes(stored.id)) outcome.dealIds.push(stored.id);
  }
  await step("deals");

  // ── claims ──
  const existing = await tx.claim.findMany({
    where: { evidence: { some: { articleId: article.id } } },
    include: { evidence: { where: { articleId: article.id } } },
  });
  const seen = new Set(existing.flatMap((c) => c.evidence.map((e) => claimKey(c, e))));
  const claimRows: Prisma.ClaimCreateManyInput[] = [];
  const evidenceRows: Prisma.EvidenceCreateManyInput[] = [];
  const acceptedClaimEntities = new Set<string>();
  for (const claim of [...extraction.claims, ...extraClaims]) {
    const e = claim.evidence;
    if (!validSpan(article.text, e.start, e.end) || article.text.slice(e.start, e.end) !== e.quote) continue;
    const subject = entities.resolve(claim.subject);
    const object = claim.object.valueKind === "ENTITY" ? entities.resolve(claim.object.ref) : null;
    if (!subject || subject.status === "REJECTED") continue;
    if (claim.object.valueKind === "ENTITY" && (!object || object.status === "REJECTED")) continue;
    const columns = claimColumns(claim, deps.catalog, object?.id ?? null);
    if (!columns) continue;
    const key = claimKey({ subjectId: subject.id, predicate: claim.predicate, ...columns }, e);
    if (seen.has(key)) {
      outcome.keptClaims += 1;
      continue;
    }
    seen.add(key);
    const id = randomUUID();
    const confidence = clamp01(claim.confidence);
    const accepted = accepts(confidence);
    if (accepted) {
      outcome.autoAccepted += 1;
      acceptedClaimEntities.add(subject.id);
      if (object) acceptedClaimEntities.add(object.id);
    }
    claimRows.push({
      id,
      subjectId: subject.id,
      predicate: claim.predicate,
      ...columns,
      modality: claim.modality,
      confidence,
      reviewStatus: accepted ? "ACCEPTED" : "PROPOSED",
      method: "RULE",
      methodVersion: settings.methodVersion,
      dealId: claim.dealKey ? (dealIdByKey.get(claim.dealKey) ?? null) : null,
    });
    evidenceRows.push({
      claimId: id,
      articleId: article.id,
      quote: e.quote,
      start: e.start,
      end: e.end,
      speakerId: e.speakerName ? (entities.lookupSpeaker(e.speakerName)?.id ?? null) : null,
      speakerRole: e.speakerRole ?? null,
    });
  }
  if (claimRows.length) {
    await tx.claim.createMany({ data: claimRows });
    await tx.evidence.createMany({ data: evidenceRows });
  }
  claimRows.forEach((row, index) =>
    audit("CREATE", "Claim", row.id ?? "", undefined, { ...row, evidence: [evidenceRows[index]] }),
  );
  outcome.claims = claimRows.length;

  // Parties of what was accepted at once are accepted with it: an accepted deal has no unconfirmed party.
  const toAccept = [...new Set([...acceptedDealEntities, ...acceptedClaimEntities])].filter(
    (id) => entities.byId.get(id)?.status === "PROPOSED",
  );
  if (toAccept.length) {
    await tx.entity.updateMany({ where: { id: { in: toAccept } }, data: { reviewStatus: "ACCEPTED" } });
    for (const id of toAccept)
      audit("REVIEW", "Entity", id, { reviewStatus: "PROPOSED" }, { reviewStatus: "ACCEPTED", auto: true });
  }
  await step("claims");

  if (audits.length) await tx.auditEvent.createMany({ data: audits });
  await step("audit");
  return outcome;
}

function validSpan(text: string, start: number, end: number): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length;
}

function dedupeParties<T extends { entity: Resolved | null; role: string }>(parties: T[]): T[] {
  const seen = new Set<string>();
  return parties.filter((p) => {
    const key = `${p.entity?.id ?? "?"}:${p.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ───────────────────────────── entities ─────────────────────────────

/**
 * Resolves every entity reference of an extraction: ids the extractor matched (following merges),
 * then names already known (accepted names and aliases, then proposed or rejected entities), and
 * proposes one new entity per remaining name that takes part in a claim or a deal.
 */
async function resolveEntities(tx: Tx, extraction: Extraction, knowledge: KnownEntity[]) {
  const byId = new Map<string, Resolved>();
  const byKey = new Map<string, Resolved>();
  const knownByKey = new Map<string, Resolved>();
  for (const entity of knowledge) {
    const resolved = { id: entity.id, name: entity.name, status: "ACCEPTED" as const };
    for (const name of [entity.name, ...entity.aliases]) {
      const key = nameKey(entity.kind, name);
      if (!knownByKey.has(key)) knownByKey.set(key, resolved);
    }
  }

  const refs: XRef[] = [
    ...extraction.claims.flatMap((c) => [c.subject, ...(c.object.valueKind === "ENTITY" ? [c.object.ref] : [])]),
    ...extraction.deals.flatMap((d) => d.participants.map((p) => p.ref)),
  ];

  // Ids the extractor resolved: still there? merged into another one since?
  const byGivenId = new Map<string, Resolved>();
  let pending = [
    ...new Set([
      ...refs.flatMap((r) => (r.entityId ? [r.entityId] : [])),
      ...extraction.mentions.flatMap((m) => (m.entityId ? [m.entityId] : [])),
    ]),
  ].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const redirect = new Map<string, string>(pending.map((id) => [id, id]));
  for (let hop = 0; pending.length && hop < 5; hop += 1) {
    const rows = await tx.entity.findMany({
      where: { id: { in: pending } },
      select: { id: true, name: true, reviewStatus: true, mergedIntoId: true, deletedAt: true },
    });
    const next: string[] = [];
    for (const row of rows) {
      if (row.deletedAt) continue;
      if (row.mergedIntoId) {
        for (const [given, at] of redirect) if (at === row.id) redirect.set(given, row.mergedIntoId);
        next.push(row.mergedIntoId);
        continue;
      }
      const resolved = { id: row.id, name: row.name, status: row.reviewStatus };
      byId.set(row.id, resolved);
      for (const [given, at] of redirect) if (at === row.id) byGivenId.set(given, resolved);
    }
    pending = next;
  }

  const unresolved = new Map<string, XRef>();
  for (const ref of refs) {
    if (ref.entityId && byGivenId.has(ref.entityId)) continue;
    const key = nameKey(ref.kind, ref.name);
    const known = knownByKey.get(key);
    if (known) {
      byKey.set(key, known);
      byId.set(known.id, known);
    } else if (!unresolved.has(key) && key.split(":")[1]) unresolved.set(key, ref);
  }

  // Names proposed (or rejected) before, or accepted since the knowledge was read.
  if (unresolved.size) {
    const refsLeft = [...unresolved.values()];
    const patterns = [...new Set(refsLeft.map((r) => `${escapeLike(firstWord(r.name))}%`))];
    const kinds = [...new Set(refsLeft.map((r) => r.kind))];
    const candidates = await tx.$queryRaw<{ id: string; kind: string; name: string; status: ReviewStatus }[]>`
      SELECT id, kind::text AS kind, name, review_status::text AS status FROM entity
      WHERE deleted_at IS NULL AND merged_into_id IS NULL AND kind::text = ANY(${kinds})
        AND lower(name) LIKE ANY(${patterns})`;
    const preference: Record<ReviewStatus, number> = { ACCEPTED: 0, PROPOSED: 1, REJECTED: 2 };
    candidates.sort((a, b) => preference[a.status] - preference[b.status] || a.id.localeCompare(b.id));
    for (const row of candidates) {
      const key = nameKey(row.kind, row.name);
      if (!unresolved.has(key) || byKey.has(key)) continue;
      const resolved = { id: row.id, name: row.name, status: row.status };
      byKey.set(key, resolved);
      byId.set(row.id, resolved);
      unresolved.delete(key);
    }
  }

  const created = [...unresolved.entries()].map(([key, ref]) => {
    const row = {
      id: randomUUID(),
      kind: ref.kind,
      name: ref.name.trim().slice(0, 300),
      reviewStatus: "PROPOSED" as const,
    };
    const resolved = { id: row.id, name: row.name, status: row.reviewStatus };
    byKey.set(key, resolved);
    byId.set(row.id, resolved);
    return row;
  });
  if (created.length) await tx.entity.createMany({ data: created });

  const lookup = (kind: string, name: string) => byKey.get(nameKey(kind, name)) ?? knownByKey.get(nameKey(kind, name));
  return {
    created,
    byId,
    byGivenId,
    lookup,
    resolve(ref: XRef): Resolved | null {
      return (ref.entityId ? byGivenId.get(ref.entityId) : undefined) ?? lookup(ref.kind, ref.name) ?? null;
    },
    lookupSpeaker(name: string): Resolved | null {
      return lookup("PERSON", name) ?? lookup("ORGANIZATION", name) ?? null;
    },
  };
}

// ───────────────────────────── deals ─────────────────────────────

interface Party {
  entity: Resolved;
  role: XDeal["participants"][number]["role"];
}

type StoredDeal =
  | { id: string; created: true; accepted: boolean; after: unknown }
  | { id: string; created: false; before: unknown; after: unknown };

async function storeDeal(
  tx: Tx,
  catalog: TaxonomyCatalog,
  article: Pick<Article, "id" | "publishedAt">,
  deal: XDeal,
  parties: Party[],
  settings: StoreSettings,
  accepted: boolean,
): Promise<StoredDeal> {
  const regionCodes = [...new Set(deal.regionCodes)].filter((code) => catalog.region(code));
  const sectorCodes = [...new Set(deal.sectorCodes)].filter((code) => catalog.sector(code));
  const announced = parseFuzzyDay(deal.announcedDate?.date);
  const announcedPrecision = announced ? (deal.announcedDate?.precision ?? announced.precision) : null;
  const usd = deal.amount
    ? toUsd(deal.amount.value, deal.amount.currency, announced?.date ?? article.publishedAt)
    : undefined;
  const money =
    deal.amount && usd !== undefined && Number.isFinite(deal.amount.value) && deal.amount.value >= 0
      ? { amount: deal.amount.value, currency: deal.amount.currency.toUpperCase(), amountUsd: usd }
      : null;
  const reportedAt = article.publishedAt ?? new Date();
  const day = (announced?.date ?? reportedAt).toISOString().slice(0, 10);
  const entityIds = [...new Set(parties.map((p) => p.entity.id))];

  const [match] = await tx.$queryRaw<{ id: string }[]>`
    SELECT d.id FROM deal d
    WHERE d.type::text = ${deal.type} AND d.deleted_at IS NULL AND d.merged_into_id IS NULL
      AND d.id IN (SELECT p.deal_id FROM deal_participant p WHERE p.entity_id = ${entityIds[0]}::uuid)
      AND ARRAY(SELECT DISTINCT p.entity_id FROM deal_participant p WHERE p.deal_id = d.id ORDER BY 1)
        = ARRAY(SELECT DISTINCT u FROM unnest(${entityIds}::uuid[]) AS u ORDER BY 1)
      AND LEAST(abs(COALESCE(d.announced_at, d.first_reported_at::date) - ${day}::date),
        abs(d.first_reported_at::date - ${day}::date)) <= ${settings.dealWindowDays}
    ORDER BY LEAST(abs(COALESCE(d.announced_at, d.first_reported_at::date) - ${day}::date),
      abs(d.first_reported_at::date - ${day}::date)), d.created_at
    LIMIT 1`;

  if (match) {
    const include = { regions: true, sectors: true, articles: { select: { articleId: true } } } as const;
    const before = await tx.deal.findUniqueOrThrow({ where: { id: match.id }, include });
    const status = laterStatus(before.status, deal.status);
    // Curators' decisions stand: only a deal still awaiting review takes the new markets and sectors.
    const open = before.reviewStatus === "PROPOSED";
    await tx.dealArticle.createMany({ data: [{ dealId: match.id, articleId: article.id }], skipDuplicates: true });
    if (open && regionCodes.length)
      await tx.dealRegion.createMany({
        data: regionCodes.map((regionCode) => ({ dealId: match.id, regionCode })),
        skipDuplicates: true,
      });
    if (open && sectorCodes.length)
      await tx.dealSector.createMany({
        data: sectorCodes.map((sectorCode) => ({ dealId: match.id, sectorCode })),
        skipDuplicates: true,
      });
    const after = await tx.deal.update({
      where: { id: match.id },
      data: {
        ...(status !== before.status
          ? {
              status,
              statusHistory: { create: { status, articleId: article.id, note: "reported by a later article" } },
            }
          : {}),
        ...(reportedAt < before.firstReportedAt ? { firstReportedAt: reportedAt } : {}),
        ...(!before.announcedAt && announced
          ? { announcedAt: announced.date, announcedAtPrecision: announcedPrecision }
          : {}),
        ...(before.amount === null && money ? money : {}),
      },
      include,
    });
    return { id: match.id, created: false, before, after };
  }

  const id = randomUUID();
  const ordered = [...parties].sort((a, b) => Number(LEADING_ROLES.has(b.role)) - Number(LEADING_ROLES.has(a.role)));
  const names = [...new Set(ordered.map((p) => p.entity.name))];
  const data = {
    id,
    type: deal.type,
    status: deal.status,
    title: `${names.join(" × ")} ${DEAL_LABEL[deal.type]}`.slice(0, 300),
    announcedAt: announced?.date ?? null,
    announcedAtPrecision: announcedPrecision,
    firstReportedAt: reportedAt,
    ...(money ?? {}),
    confidence: clamp01(deal.confidence),
    reviewStatus: accepted ? ("ACCEPTED" as const) : ("PROPOSED" as const),
  };
  const participants = parties.map((p) => ({ entityId: p.entity.id, role: p.role }));
  await tx.deal.create({
    data: {
      ...data,
      participants: { create: participants },
      regions: { create: regionCodes.map((regionCode) => ({ regionCode })) },
      sectors: { create: sectorCodes.map((sectorCode) => ({ sectorCode })) },
      articles: { create: { articleId: article.id } },
      statusHistory: { create: { status: deal.status, articleId: article.id, note: "first reported" } },
    },
  });
  return {
    id,
    created: true,
    accepted,
    after: { ...data, participants, regionCodes, sectorCodes, articleIds: [article.id], method: "RULE" },
  };
}

/** A claim standing for a deal the extractor reported without one, so the deal keeps its evidence. */
function dealClaim(deal: XDeal, parties: Party[]): XClaim | null {
  const evidence = deal.evidence[0];
  const ordered = [...deal.participants].sort(
    (a, b) => Number(LEADING_ROLES.has(b.role)) - Number(LEADING_ROLES.has(a.role)),
  );
  const [subject, object] = ordered;
  if (!evidence || !subject || !object || parties.length < 2) return null;
  return {
    subject: subject.ref,
    predicate: DEAL_PREDICATE[deal.type],
    object: { valueKind: "ENTITY", ref: object.ref },
    modality: deal.status === "RUMOURED" ? "RUMOURED" : "ASSERTED",
    confidence: deal.confidence,
    qualifiers: {
      ...(deal.regionCodes[0] ? { regionCode: deal.regionCodes[0] } : {}),
      ...(deal.sectorCodes[0] ? { sectorCode: deal.sectorCodes[0] } : {}),
      ...(deal.amount ? { amount: deal.amount } : {}),
    },
    dealKey: deal.key,
    evidence,
  };
}

// ───────────────────────────── claims ─────────────────────────────

type ClaimColumns = Pick<
  Prisma.ClaimCreateManyInput,
  | "valueKind"
  | "objectId"
  | "valueText"
  | "valueNumber"
  | "valueUnit"
  | "valueDate"
  | "valueDatePrecision"
  | "qualifierRegionCode"
  | "qualifierSectorCode"
  | "qualifierAmount"
  | "qualifierCurrency"
  | "qualifierRole"
>;

function claimColumns(claim: XClaim, catalog: TaxonomyCatalog, objectId: string | null): ClaimColumns | null {
  const q = claim.qualifiers ?? {};
  const amount = q.amount && toUsd(q.amount.value, q.amount.currency) !== undefined ? q.amount : null;
  const base = {
    objectId: null,
    valueText: null,
    valueNumber: null,
    valueUnit: null,
    valueDate: null,
    valueDatePrecision: null,
    qualifierRegionCode: q.regionCode && catalog.region(q.regionCode) ? q.regionCode : null,
    qualifierSectorCode: q.sectorCode && catalog.sector(q.sectorCode) ? q.sectorCode : null,
    qualifierAmount: amount?.value ?? null,
    qualifierCurrency: amount?.currency.toUpperCase() ?? null,
    qualifierRole: q.role?.slice(0, 200) ?? null,
  };
  const o = claim.object;
  switch (o.valueKind) {
    case "ENTITY":
      return objectId ? { ...base, valueKind: "ENTITY", objectId } : null;
    case "TEXT":
      return { ...base, valueKind: "TEXT", valueText: o.text.slice(0, 4000) };
    case "MONEY":
      return Number.isFinite(o.money.value)
        ? { ...base, valueKind: "MONEY", valueNumber: o.money.value, valueUnit: o.money.currency.toUpperCase() }
        : null;
    case "NUMBER":
      return Number.isFinite(o.value)
        ? { ...base, valueKind: "NUMBER", valueNumber: o.value, valueUnit: o.unit ?? null }
        : null;
    case "DATE": {
      const date = parseFuzzyDay(o.date);
      return date ? { ...base, valueKind: "DATE", valueDate: date.date, valueDatePrecision: o.precision } : null;
    }
  }
}

/**
 * Identity of a claim in an article: subject, predicate, object or value, and where its evidence
 * stands. A re-run that finds the same claim again keeps the stored one (and its review).
 */
function claimKey(
  claim: {
    subjectId: string;
    predicate: string;
    valueKind: string;
    objectId?: string | null;
    valueText?: string | null;
    valueNumber?: { toString(): string } | number | string | null;
    valueUnit?: string | null;
    valueDate?: Date | string | null;
  },
  evidence: Pick<XEvidence, "start" | "end">,
): string {
  const date = claim.valueDate ? new Date(claim.valueDate).toISOString().slice(0, 10) : "";
  const value =
    claim.valueKind === "ENTITY"
      ? (claim.objectId ?? "")
      : claim.valueKind === "TEXT"
        ? (claim.valueText ?? "")
        : claim.valueKind === "DATE"
          ? date
          : `${claim.valueNumber == null ? "" : Number(String(claim.valueNumber))} ${claim.valueUnit ?? ""}`;
  return [claim.subjectId, claim.predicate, claim.valueKind, value, evidence.start, evidence.end].join("\u0000");
}
