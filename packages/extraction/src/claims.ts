// Claims with evidence: deal statements, roles, quotations, warnings, launches, headquarters and
// units. Every evidence quote is a slice of the article text.

import { subjectBefore, type ClauseView } from "./clause-view.ts";
import type { DealClaimDraft } from "./deals.ts";
import { refOf, type EntityCluster } from "./entities.ts";
import { lookupCountry, lookupDemonym } from "./gazetteer.ts";
import type { Doc, DocMention } from "./mentions.ts";
import { clauseStance } from "./modality.ts";
import type { Span } from "./segments.ts";
import type { Claim, ClaimObject, DealType, EntityRef, Evidence, Modality, Predicate } from "./types.ts";

const PREDICATE: Record<DealType, Predicate> = {
  STRATEGIC_PARTNERSHIP: "PARTNERS_WITH",
  CHANNEL_PARTNERSHIP: "PARTNERS_WITH",
  JOINT_VENTURE: "JOINT_VENTURE_WITH",
  LICENSING: "LICENSED_TO",
  INVESTMENT: "INVESTED_IN",
  ACQUISITION: "ACQUIRED",
  MERGER: "MERGED_WITH",
};

export function evidenceFor(text: string, span: Span, extra: Partial<Evidence> = {}): Evidence {
  return { quote: text.slice(span.start, span.end), start: span.start, end: span.end, ...extra };
}

function entity(ref: EntityRef): ClaimObject {
  return { valueKind: "ENTITY", ref };
}

type Lookup = (id: number) => EntityCluster | undefined;

function lookupOf(doc: Doc): Lookup {
  const byId = new Map(doc.clusters.map((c) => [c.id, c]));
  return (id) => byId.get(id);
}

/** PARTNERS_WITH / ACQUIRED / INVESTED_IN / … claims from deal statements. */
export function dealClaims(doc: Doc, drafts: readonly DealClaimDraft[]): Claim[] {
  const cluster = lookupOf(doc);
  const claims: Claim[] = [];
  for (const d of drafts) {
    const type = d.statement.type;
    const [first, second] = d.parties;
    const pairs: Array<[number, number]> = [];
    if (type === "INVESTMENT") {
      const investee = d.parties.find((p) => p.role === "INVESTEE");
      if (investee) for (const p of d.parties) if (p.role === "INVESTOR") pairs.push([p.cluster, investee.cluster]);
    } else if (first && second) {
      pairs.push([first.cluster, second.cluster]);
    }
    const modality: Modality = d.stance.status === "TERMINATED" ? "NEGATED" : d.stance.modality;
    for (const [s, o] of pairs) {
      const subject = cluster(s);
      const object = cluster(o);
      if (!subject || !object) continue;
      const claim: Claim = {
        subject: refOf(subject),
        predicate: PREDICATE[type],
        object: entity(refOf(object)),
        modality,
        confidence: Math.round(d.statement.strength * (d.stance.background ? 0.6 : 1) * 100) / 100,
        evidence: evidenceFor(doc.text, d.clause.sentence),
      };
      if (d.dealKey) claim.dealKey = d.dealKey;
      claims.push(claim);
    }
  }
  return claims;
}

// ── roles ──

const TITLE =
  "(?:(?:co-)?founder|chief executive(?: officer)?|CEO|CFO|CTO|COO|CMO|chief [a-z]+ officer|chair(?:man|woman|person)?|(?:vice |executive )?president|managing director|managing partner|general partner|partner|(?:sales |finance |research |technical )?director|head of [a-z]+(?: [a-z]+)?|general manager|spokes(?:man|woman|person))";
const TITLE_CHAIN = `(${TITLE}(?:\\s*(?:,|and|&)\\s*${TITLE})*)`;

const ROLE_PATTERNS: Array<{ re: RegExp; person: number; org?: number; title: number }> = [
  {
    re: new RegExp(String.raw`‹P(\d+)›,\s+(?:the\s+)?${TITLE_CHAIN}\s+(?:of|at)\s+(?:the\s+)?⟦O(\d+)⟧`, "giu"),
    person: 1,
    title: 2,
    org: 3,
  },
  {
    re: new RegExp(String.raw`⟦O(\d+)⟧(?:’s|'s)?,?\s+${TITLE_CHAIN},?\s+‹P(\d+)›`, "giu"),
    org: 1,
    title: 2,
    person: 3,
  },
  { re: new RegExp(String.raw`‹P(\d+)›,\s+⟦O(\d+)⟧(?:’s|'s)\s+${TITLE_CHAIN}`, "giu"), person: 1, org: 2, title: 3 },
  {
    re: new RegExp(String.raw`\b(?:[Ii]ts|[Tt]he (?:company|group)(?:’s|'s))\s+${TITLE_CHAIN},?\s+‹P(\d+)›`, "gu"),
    title: 1,
    person: 2,
  },
];

export interface RoleFact {
  person: number;
  org: number;
  title: string;
}

/** HOLDS_ROLE claims ("Sean Green, President and CEO of BMW Group Region China"). */
export function roleClaims(doc: Doc, views: readonly ClauseView[]): { claims: Claim[]; roles: RoleFact[] } {
  const cluster = lookupOf(doc);
  const claims: Claim[] = [];
  const roles: RoleFact[] = [];
  for (const clause of views) {
    if (!clause.view.includes("‹P")) continue;
    for (const pattern of ROLE_PATTERNS) {
      for (const m of clause.view.matchAll(pattern.re)) {
        const personId = Number(m[pattern.person]);
        const orgId = pattern.org !== undefined ? Number(m[pattern.org]) : clause.fallbackSubject;
        const title = (m[pattern.title] ?? "").trim();
        const person = cluster(personId);
        const org = orgId !== undefined ? cluster(orgId) : undefined;
        if (!person || !org || person.kind !== "PERSON" || roles.some((r) => r.person === personId && r.org === org.id))
          continue;
        if (/\b(?:previously|formerly|former)\s*$/iu.test(clause.view.slice(Math.max(0, m.index - 20), m.index)))
          continue;
        roles.push({ person: personId, org: org.id, title });
        claims.push({
          subject: refOf(person),
          predicate: "HOLDS_ROLE",
          object: entity(refOf(org)),
          modality: "ASSERTED",
          confidence: pattern.org !== undefined ? 0.9 : 0.7,
          qualifiers: { role: title },
          evidence: evidenceFor(doc.text, clause.sentence),
        });
      }
    }
  }
  return { claims, roles };
}

// ── quotations ──

interface Quote extends Span {
  paragraph: number;
}

function quotesOf(doc: Doc): Quote[] {
  const end = doc.sentences.at(-1)?.end ?? doc.text.length;
  const body = doc.text.slice(0, end);
  const quotes: Quote[] = [];
  for (const re of [/“([^”]{12,})”/gu, /"([^"\n]{12,})"/gu]) {
    for (const m of body.matchAll(re)) {
      const inner = m[1] ?? "";
      let start = m.index + 1;
      let stop = start + inner.length;
      while (stop > start && /[\s,]/u.test(doc.text.charAt(stop - 1))) stop--;
      while (start < stop && /\s/u.test(doc.text.charAt(start))) start++;
      const sentence = doc.sentences.find((s) => start >= s.start && start < s.end);
      if (sentence) quotes.push({ start, end: stop, paragraph: sentence.paragraph });
    }
  }
  return quotes.sort((a, b) => a.start - b.start);
}

const SAY =
  /\b(?:said|says|added|explained|noted|told|stating|stated|according to|wrote|called|highlighted|emphasi[sz]ed|continued)\b/iu;

/** The person (or organisation) a quotation is attributed to. */
function speakerOf(doc: Doc, quote: Quote): DocMention | undefined {
  const sentence = doc.sentences.filter((s) => s.end > quote.start && s.start <= quote.end);
  const from = Math.min(...sentence.map((s) => s.start));
  const to = Math.max(...sentence.map((s) => s.end));
  const outside = doc.mentions.filter(
    (m) => m.start >= from && m.end <= to && (m.end <= quote.start - 1 || m.start >= quote.end + 1),
  );
  const people = outside.filter((m) => m.kind === "PERSON");
  const after = people.find((m) => m.start > quote.end && SAY.test(doc.text.slice(quote.end, m.end + 30)));
  if (after) return after;
  const before = people.filter((m) => m.end < quote.start && SAY.test(doc.text.slice(m.end, quote.start))).at(-1);
  if (before) return before;
  const org = outside.find(
    (m) =>
      m.kind === "ORGANIZATION" &&
      /^\s*(?:’s|'s)?\s*spokes(?:person|man|woman)/iu.test(doc.text.slice(m.end, m.end + 20)),
  );
  return org;
}

/** STATED claims: every quotation with its speaker. */
export function quoteClaims(doc: Doc, roles: readonly RoleFact[]): Claim[] {
  const claims: Claim[] = [];
  let previous: { speaker: DocMention; paragraph: number } | undefined;
  for (const quote of quotesOf(doc)) {
    const found = speakerOf(doc, quote);
    const speaker = found ?? (previous && previous.paragraph === quote.paragraph ? previous.speaker : undefined);
    if (!speaker) continue;
    previous = { speaker, paragraph: quote.paragraph };
    const role = roles.find((r) => r.person === speaker.cluster.id);
    const org = role ? doc.clusters.find((c) => c.id === role.org) : undefined;
    const extra: Partial<Evidence> = { speakerName: speaker.cluster.name };
    if (role && org) extra.speakerRole = `${role.title}, ${org.name}`;
    const text = doc.text.slice(quote.start, quote.end);
    claims.push({
      subject: refOf(speaker.cluster),
      predicate: "STATED",
      object: { valueKind: "TEXT", text },
      modality: "ASSERTED",
      confidence: found ? 0.9 : 0.7,
      evidence: evidenceFor(doc.text, quote, extra),
    });
  }
  return claims;
}

// ── warnings and launches ──

const WARN = /\b(?:warn(?:ed|s|ing)?|caution(?:ed|s|ing)|expressed (?:caution|concerns?)|sounded (?:the )?alarm)\b/iu;

/** WARNED_ABOUT claims ("Joe Tsai cautioned that … an AI data center bubble"). */
export function warningClaims(doc: Doc, views: readonly ClauseView[]): Claim[] {
  const cluster = lookupOf(doc);
  const claims: Claim[] = [];
  for (const clause of views) {
    const m = WARN.exec(clause.view);
    if (!m) continue;
    const before = clause.view.slice(0, m.index);
    const person = [...before.matchAll(/‹P(\d+)›/g)].at(-1);
    const org = [...before.matchAll(/⟦O(\d+)⟧/g)].at(-1);
    const id = person ? Number(person[1]) : org ? Number(org[1]) : clause.fallbackSubject;
    const subject = id !== undefined ? cluster(id) : undefined;
    if (!subject) continue;
    const cue = WARN.exec(doc.text.slice(clause.start, clause.end));
    const objectStart = cue ? clause.start + cue.index + cue[0].length : clause.start;
    const about = doc.text
      .slice(objectStart, clause.end)
      .replace(/^\s*(?:investors\s+|the industry\s+)?(?:that|of|about|against|regarding|over|on)\s+/iu, "")
      .replace(/[.\s]+$/u, "");
    if (about.length < 3) continue;
    claims.push({
      subject: refOf(subject),
      predicate: "WARNED_ABOUT",
      object: { valueKind: "TEXT", text: about },
      modality: "ASSERTED",
      confidence: person ? 0.8 : 0.6,
      evidence: evidenceFor(doc.text, clause.sentence),
    });
  }
  return claims;
}

const LAUNCH =
  /\b(?:launch(?:ed|es|ing)?|unveil(?:ed|s|ing)?|introduc(?:ed|es|ing)|releas(?:ed|es|ing)|roll(?:ed|s|ing)? out|debut(?:ed|s)?)\b/giu;

/** LAUNCHED claims ("Alibaba Cloud has launched … Qwen2.5-Omni-7B"): launches are claims, not deals. */
export function launchClaims(doc: Doc, views: readonly ClauseView[]): Claim[] {
  const cluster = lookupOf(doc);
  const claims: Claim[] = [];
  for (const clause of views) {
    if (!clause.view.includes("‹R")) continue;
    for (const m of clause.view.matchAll(LAUNCH)) {
      const product = /‹R(\d+)›/u.exec(clause.view.slice(m.index, m.index + 140));
      if (!product) continue;
      const subjectId =
        subjectBefore(clause.view, m.index) ??
        (clause.index > 0 || /^\s*⟦O/u.test(clause.view) ? clause.fallbackSubject : undefined);
      const subject = subjectId !== undefined ? cluster(subjectId) : undefined;
      const object = cluster(Number(product[1]));
      if (!subject || !object || subject.kind !== "ORGANIZATION") continue;
      const stance = clauseStance(doc.text.slice(clause.start, clause.end));
      claims.push({
        subject: refOf(subject),
        predicate: "LAUNCHED",
        object: entity(refOf(object)),
        modality: stance.modality === "RUMOURED" ? "RUMOURED" : stance.modality,
        confidence: 0.8,
        evidence: evidenceFor(doc.text, clause.sentence),
      });
      break;
    }
  }
  return claims;
}

// ── headquarters and units ──

const HQ_PATTERNS: RegExp[] = [
  /‹L(\d+)›-(?:based|headquartered)\s+(?:[\p{Ll}-]+\s+){0,3}?⟦O(\d+)⟧/gu,
  /‹L(\d+)›(?:’s|')s?\s+⟦O(\d+)⟧/gu,
];

const HQ_AFTER: RegExp[] = [
  /⟦O(\d+)⟧,\s+(?:a|an|the)\s+‹L(\d+)›-based\b/gu,
  /⟦O(\d+)⟧,?\s+(?:which is\s+|is\s+)?(?:based|headquartered)\s+in\s+‹L(\d+)›/gu,
  /⟦O(\d+)⟧,\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,5}?(?:in|from)\s+‹L(\d+)›,/gu,
];

const DEMONYM_ORG =
  /\b((?:South |North |New )?[\p{Lu}][\p{Ll}]+)\s+(?:[\p{Ll}-]+\s+){0,3}?(?:company|group|firm|maker|carmaker|automaker|chipmaker|conglomerate|chain|operator|developer|start-?up|bank|lender|insurer|carrier|airline|line|provider|retailer|utility|producer|manufacturer|specialist|fund|investor|lessor|giant|fintech|platform)\s+⟦O(\d+)⟧/gu;

/** HEADQUARTERED_IN claims ("Amsterdam-based Veltrana Payments", "Nigeria's Kwik", "Swedish battery maker …"). */
export function headquartersClaims(doc: Doc, views: readonly ClauseView[]): Claim[] {
  const cluster = lookupOf(doc);
  const claims: Claim[] = [];
  const seen = new Set<number>();
  const push = (
    orgId: number,
    place: EntityRef,
    code: string | undefined,
    clause: ClauseView,
    confidence: number,
  ): void => {
    const org = cluster(orgId);
    if (!org || org.kind !== "ORGANIZATION" || seen.has(orgId)) return;
    seen.add(orgId);
    const claim: Claim = {
      subject: refOf(org),
      predicate: "HEADQUARTERED_IN",
      object: entity(place),
      modality: "ASSERTED",
      confidence,
      evidence: evidenceFor(doc.text, clause.sentence),
    };
    if (code) claim.qualifiers = { regionCode: code };
    claims.push(claim);
  };
  const placeRef = (id: number): { ref: EntityRef; code?: string } | undefined => {
    const c = cluster(id);
    if (!c || c.kind !== "PLACE") return undefined;
    const code = doc.mentions.find((m) => m.cluster.id === id)?.codes?.[0];
    return code ? { ref: refOf(c), code } : { ref: refOf(c) };
  };
  for (const clause of views) {
    for (const re of HQ_PATTERNS) {
      for (const m of clause.view.matchAll(re)) {
        const place = placeRef(Number(m[1]));
        if (place) push(Number(m[2]), place.ref, place.code, clause, 0.75);
      }
    }
    for (const re of HQ_AFTER) {
      for (const m of clause.view.matchAll(re)) {
        const place = placeRef(Number(m[2]));
        if (place) push(Number(m[1]), place.ref, place.code, clause, 0.7);
      }
    }
    for (const m of clause.view.matchAll(DEMONYM_ORG)) {
      const code = lookupDemonym(m[1] ?? "")?.[0];
      const country = code ? lookupCountry(code) : undefined;
      if (code && country) push(Number(m[2]), { name: country.name, kind: "PLACE" }, code, clause, 0.65);
    }
  }
  return claims;
}

/** SUBSIDIARY_OF claims for units named after their parent ("Alibaba Cloud" → "Alibaba Group"). */
export function unitClaims(doc: Doc, parents: ReadonlyMap<number, number>): Claim[] {
  const cluster = lookupOf(doc);
  const claims: Claim[] = [];
  for (const [unitId, parentId] of parents) {
    const unit = cluster(unitId);
    const parent = cluster(parentId);
    const first = doc.mentions.find((m) => m.cluster.id === unitId);
    if (!unit || !parent || !first) continue;
    claims.push({
      subject: refOf(unit),
      predicate: "SUBSIDIARY_OF",
      object: entity(refOf(parent)),
      modality: "ASSERTED",
      confidence: 0.6,
      evidence: evidenceFor(doc.text, first),
    });
  }
  return claims;
}
