// Deals from deal statements: one deal per real-world deal in the article (statements about the
// same parties merged), with status, roles, markets, sectors, amount and date.

import type { ClauseView } from "./clause-view.ts";
import { parsePublished, statementDate } from "./dates.ts";
import type { DealStatement, PartyRole } from "./deal-patterns.ts";
import { orgCore, refOf, type EntityCluster } from "./entities.ts";
import type { Doc } from "./mentions.ts";
import { clauseStance, combineStatus, type ClauseStance } from "./modality.ts";
import { findMoney } from "./money.ts";
import { marketCodes } from "./regions.ts";
import { splitClauses, type Sentence, type Span } from "./segments.ts";
import { sectorsOf } from "./sectors.ts";
import type { Deal, DealParticipant, DealType, Evidence, Money, ParticipantRole } from "./types.ts";

export interface DealClaimDraft {
  statement: DealStatement;
  parties: PartyRole[];
  clause: ClauseView;
  stance: ClauseStance;
  /** Set when the statement supports a deal. */
  dealKey?: string;
}

interface DealGroup {
  family: string;
  claims: DealClaimDraft[];
}

const FAMILY: Record<DealType, string> = {
  STRATEGIC_PARTNERSHIP: "PARTNERSHIP",
  CHANNEL_PARTNERSHIP: "PARTNERSHIP",
  JOINT_VENTURE: "JOINT_VENTURE",
  LICENSING: "LICENSING",
  INVESTMENT: "INVESTMENT",
  ACQUISITION: "ACQUISITION",
  MERGER: "MERGER",
};

/** Units named after their parent ("Alibaba Cloud", "Alibaba.com" → "Alibaba Group"). */
export function unitParents(clusters: readonly EntityCluster[]): Map<number, number> {
  const parents = new Map<number, number>();
  const orgs = clusters.filter((c) => c.kind === "ORGANIZATION");
  for (const unit of orgs) {
    const name = unit.name.toLowerCase();
    const parent = orgs
      .filter((p) => p !== unit)
      .map((p) => ({ p, core: orgCore(p.name).join(" ") }))
      .filter(
        ({ core }) => core.length > 1 && (name.startsWith(`${core} `) || name.startsWith(`${core}.`)) && name !== core,
      )
      .sort((a, b) => b.core.length - a.core.length)[0];
    if (parent) parents.set(unit.id, parent.p.id);
  }
  return parents;
}

function normaliseParties(parties: readonly PartyRole[], parents: ReadonlyMap<number, number>): PartyRole[] {
  const out: PartyRole[] = [];
  for (const p of parties) {
    const cluster = parents.get(p.cluster) ?? p.cluster;
    if (!out.some((o) => o.cluster === cluster)) out.push({ cluster, role: p.role });
  }
  return out;
}

function groupKey(family: string, parties: readonly PartyRole[]): string {
  if (family === "INVESTMENT") {
    const investee = parties.find((p) => p.role === "INVESTEE");
    if (investee) return `${family}:${investee.cluster}`;
  }
  if (family === "ACQUISITION") {
    const target = parties.find((p) => p.role === "TARGET");
    if (target) return `${family}:${target.cluster}`;
  }
  return `${family}:${parties
    .map((p) => p.cluster)
    .sort((a, b) => a - b)
    .join(",")}`;
}

function groupStatements(drafts: readonly DealClaimDraft[]): DealGroup[] {
  const groups = new Map<string, DealGroup>();
  for (const d of drafts) {
    const family = FAMILY[d.statement.type];
    if (d.parties.length < 2) continue;
    const key = groupKey(family, d.parties);
    const group = groups.get(key) ?? { family, claims: [] };
    group.claims.push(d);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function participantsOf(group: DealGroup, type: DealType): Array<{ cluster: number; role: ParticipantRole }> {
  const roles = new Map<number, ParticipantRole>();
  const ordered = [...group.claims].sort(
    (a, b) => (a.statement.type === type ? 0 : 1) - (b.statement.type === type ? 0 : 1),
  );
  for (const claim of ordered) for (const p of claim.parties) if (!roles.has(p.cluster)) roles.set(p.cluster, p.role);
  if (type === "CHANNEL_PARTNERSHIP") {
    for (const [cluster, role] of roles) if (role === "PARTNER") roles.set(cluster, "PRINCIPAL");
  }
  return [...roles].map(([cluster, role]) => ({ cluster, role }));
}

const DEAL_ANAPHOR =
  /\b(?:the|this|that|its|their)\s+(?:[\p{L}-]+\s+){0,2}?(?:partnership|agreement|deal|venture|acquisition|merger|collaboration|alliance|transaction|round|investment|purchase|takeover|partners|companies|tie-up|pact|combined (?:company|group|business)|merged company|new company|plant|project|corridor|programme|licen[cs]e|money|funds|proceeds|capital raised|company|start-up|startup|firm|group)\b/iu;

/** Deal types whose market is the target's, not the buyer's or investor's. */
const TARGETED = new Set<DealType>(["ACQUISITION", "INVESTMENT"]);

const BACKGROUND =
  /\b(?:last year|previously(?! announced)|founded in|was spun out|years ago|in the past|since (?:19|20)\d\d)\b/iu;

interface Attribution {
  spans: Span[];
  evidence: Sentence[];
}

/**
 * Which parts of the article describe each deal (for its markets and sectors): the clauses that
 * state it (and the clauses after them that state nothing else), sentences naming a party that is
 * only in this deal (for acquisitions and investments: the target), and sentences right after them
 * that refer back to "the deal", "the company", "the money".
 */
function attribute(
  doc: Doc,
  groups: readonly DealGroup[],
  drafts: readonly DealClaimDraft[],
  parents: ReadonlyMap<number, number>,
  types: readonly DealType[],
): Attribution[] {
  const partyIds = groups.map((g, i) => {
    const parties = g.claims.flatMap((c) => c.parties);
    const type = types[i];
    const focus =
      type && TARGETED.has(type) ? parties.filter((p) => p.role === "TARGET" || p.role === "INVESTEE") : parties;
    return new Set((focus.length > 0 ? focus : parties).map((p) => p.cluster));
  });
  const allParties = groups.map((g) => new Set(g.claims.flatMap((c) => c.parties.map((p) => p.cluster))));
  const distinctive = partyIds.map(
    (ids, i) => new Set([...ids].filter((id) => allParties.every((other, j) => j === i || !other.has(id)))),
  );
  const result: Attribution[] = groups.map(() => ({ spans: [], evidence: [] }));
  const groupOf = new Map<DealClaimDraft, number>();
  groups.forEach((g, i) => g.claims.forEach((c) => groupOf.set(c, i)));
  const mentionedIn = (span: Span): Set<number> =>
    new Set(
      doc.mentions
        .filter((m) => m.kind === "ORGANIZATION" && m.start >= span.start && m.end <= span.end)
        .map((m) => parents.get(m.cluster.id) ?? m.cluster.id),
    );
  const dealsFor = (span: Span): number[] => {
    const ids = mentionedIn(span);
    return groups.map((_, i) => i).filter((i) => [...(distinctive[i] ?? [])].some((id) => ids.has(id)));
  };
  let lastDeals: number[] = [];
  for (const sentence of doc.sentences) {
    if (sentence.heading) {
      lastDeals = []; // a new section
      continue;
    }
    const stated = drafts.filter((d) => d.clause.sentence === sentence);
    if (stated.length > 0) {
      // clauses in order; a clause without a statement belongs to the statement before it
      const clauses = [...new Map(stated.map((d) => [d.clause.index, d.clause])).values()];
      const all = splitClausesOf(doc, sentence, clauses);
      let owner: number[] = [];
      const seen = new Set<number>();
      for (const clause of all) {
        const here = stated.filter((d) => d.clause.index === clause.index);
        if (here.length > 0) owner = here.map((d) => groupOf.get(d)).filter((g): g is number => g !== undefined);
        for (const g of owner) {
          result[g]?.spans.push(clause);
          if (!seen.has(g)) result[g]?.evidence.push(sentence);
          seen.add(g);
        }
      }
      if (seen.size > 0) lastDeals = [...seen];
      continue;
    }
    const body = doc.text.slice(sentence.start, sentence.end);
    if (BACKGROUND.test(body)) continue;
    const named = dealsFor(sentence);
    if (named.length > 0) {
      for (const i of named) result[i]?.spans.push(sentence);
      lastDeals = named;
    } else if (lastDeals.length === 1 && DEAL_ANAPHOR.test(body)) {
      result[lastDeals[0] ?? 0]?.spans.push(sentence);
    }
  }
  return result;
}

/** All clauses of a sentence, reusing the views already built for some of them. */
function splitClausesOf(doc: Doc, sentence: Sentence, known: readonly ClauseView[]): Array<Span & { index: number }> {
  return splitClauses(doc.text, sentence).map(
    (span, index) => known.find((k) => k.index === index) ?? { ...span, index },
  );
}

function maskedText(doc: Doc, spans: readonly Span[]): string {
  return spans
    .map((span) => {
      let out = doc.text.slice(span.start, span.end);
      for (const m of doc.mentions) {
        if (m.kind === "PLACE" || m.start < span.start || m.end > span.end) continue;
        const a = m.start - span.start;
        out = out.slice(0, a) + " ".repeat(m.end - m.start) + out.slice(a + m.end - m.start);
      }
      return out;
    })
    .join("\n");
}

function amountOf(doc: Doc, claims: readonly DealClaimDraft[], spans: readonly Span[]): Money | undefined {
  for (const c of claims) {
    if (c.stance.background) continue;
    const found = findMoney(doc.text.slice(c.clause.start, c.clause.end), c.clause.start)[0];
    if (found) return { value: found.value, currency: found.currency };
  }
  for (const span of spans) {
    const body = doc.text.slice(span.start, span.end);
    if (
      BACKGROUND.test(body) ||
      !/\b(?:worth|valued?|values|price|paid|pay|for|invest\w*|round|deal|upfront|cost)\b/iu.test(body)
    )
      continue;
    const found = findMoney(body, span.start)[0];
    if (found) return { value: found.value, currency: found.currency };
  }
  return undefined;
}

function evidenceOf(doc: Doc, sentences: readonly Sentence[]): Evidence[] {
  const seen = new Set<number>();
  const out: Evidence[] = [];
  for (const s of sentences) {
    if (seen.has(s.index)) continue;
    seen.add(s.index);
    out.push({ quote: doc.text.slice(s.start, s.end), start: s.start, end: s.end });
  }
  return out;
}

function dealTypeOf(group: DealGroup): DealType {
  const live = group.claims.filter((c) => !c.stance.background);
  if (live.some((c) => c.statement.type === "CHANNEL_PARTNERSHIP")) return "CHANNEL_PARTNERSHIP";
  return live[0]?.statement.type ?? "STRATEGIC_PARTNERSHIP";
}

export function dealKeyOf(type: DealType, participants: readonly DealParticipant[]): string {
  const names = participants.map((p) => p.ref.entityId ?? orgCore(p.ref.name).join(" ")).sort();
  return `${FAMILY[type]}:${names.join("|")}`;
}

export interface DealsResult {
  deals: Deal[];
  claims: DealClaimDraft[];
}

/** Deal statements of every clause, then deals. */
export function buildDeals(
  doc: Doc,
  views: readonly ClauseView[],
  statementsOf: (clause: ClauseView) => DealStatement[],
  publishedAt?: string,
): DealsResult {
  const parents = unitParents(doc.clusters);
  const drafts: DealClaimDraft[] = [];
  for (const clause of views) {
    const statements = statementsOf(clause);
    if (statements.length === 0) continue;
    const stance = clauseStance(doc.text.slice(clause.start, clause.end));
    for (const statement of statements) {
      const parties = normaliseParties(statement.parties, parents);
      if (parties.length < 2) continue;
      drafts.push({ statement, parties, clause, stance });
    }
  }
  const groups = groupStatements(drafts).filter((g) => {
    const live = g.claims.filter((c) => !c.stance.background);
    if (live.length === 0) return false;
    const terminated = live.some((c) => c.stance.status === "TERMINATED");
    return terminated || !live.some((c) => c.stance.modality === "NEGATED");
  });
  const types = groups.map(dealTypeOf);
  const attributions = attribute(doc, groups, drafts, parents, types);
  const published = parsePublished(publishedAt);
  const clusterById = new Map(doc.clusters.map((c) => [c.id, c]));
  const deals: Deal[] = [];
  groups.forEach((group, i) => {
    const live = group.claims.filter((c) => !c.stance.background);
    const type = types[i] ?? dealTypeOf(group);
    const status = combineStatus(live.map((c) => c.stance.status).filter((s) => s !== undefined)) ?? "ANNOUNCED";
    const participants: DealParticipant[] = [];
    for (const p of participantsOf(group, type)) {
      const cluster = clusterById.get(p.cluster);
      if (cluster) participants.push({ ref: refOf(cluster), role: p.role });
    }
    if (participants.length < 2) return;
    const attribution = attributions[i] ?? { spans: [], evidence: [] };
    const spans = attribution.spans;
    const strength = Math.max(...live.map((c) => c.statement.strength));
    const factor = status === "RUMOURED" ? 0.75 : 1;
    const confidence = Math.min(0.95, strength * factor + 0.05 * (live.length - 1));
    const deal: Deal = {
      key: dealKeyOf(type, participants),
      type,
      status,
      participants,
      regionCodes: marketCodes(doc, spans),
      sectorCodes: sectorsOf(maskedText(doc, spans)),
      confidence: Math.round(confidence * 100) / 100,
      evidence: evidenceOf(doc, attribution.evidence),
    };
    const amount = amountOf(doc, live, spans);
    if (amount) deal.amount = amount;
    const dated = live
      .map((c) => statementDate(doc.text.slice(c.clause.sentence.start, c.clause.sentence.end), published))
      .find(Boolean);
    const announced =
      status === "ANNOUNCED" || status === "SIGNED" || status === "RUMOURED" ? (dated ?? published) : dated;
    if (announced) deal.announcedDate = announced;
    for (const c of group.claims) c.dealKey = deal.key;
    deals.push(deal);
  });
  return { deals, claims: drafts };
}
