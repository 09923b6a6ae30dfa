// A clause rewritten for pattern matching: every mention becomes a placeholder naming its entity
// (⟦O3⟧ organisation 3; ‹P5› person 5, ‹R2› product 2, ‹L7› place 7, ‹E1› event 1: other brackets,
// so that "anything but an organisation" is a plain character class), and an
// anaphoric subject ("The Chinese tech giant", "it") becomes the organisation it stands for.

import type { EntityCluster } from "./entities.ts";
import type { Doc, DocMention } from "./mentions.ts";
import { splitClauses, type Sentence, type Span } from "./segments.ts";
import type { EntityKind } from "./types.ts";

export interface ClauseView extends Span {
  sentence: Sentence;
  /** Index of the clause within its sentence. */
  index: number;
  view: string;
  /** The organisation the clause is about when it names none before its verb (inherited subject). */
  fallbackSubject?: number;
}

const LETTER: Record<EntityKind, string> = { ORGANIZATION: "O", PERSON: "P", PRODUCT: "R", PLACE: "L", EVENT: "E" };

export function placeholder(cluster: EntityCluster): string {
  const letter = LETTER[cluster.kind];
  return cluster.kind === "ORGANIZATION" ? `⟦${letter}${cluster.id}⟧` : `‹${letter}${cluster.id}›`;
}

export const ORG = String.raw`⟦O(\d+)⟧`;

/** Organisation ids in a view, in order. */
export function orgIds(view: string): number[] {
  return [...view.matchAll(/⟦O(\d+)⟧/g)].map((m) => Number(m[1]));
}

function render(text: string, span: Span, mentions: readonly DocMention[]): string {
  let out = "";
  let cursor = span.start;
  for (const m of mentions) {
    if (m.start < span.start || m.end > span.end || m.start < cursor) continue;
    out += text.slice(cursor, m.start) + placeholder(m.cluster);
    cursor = m.end;
  }
  return out + text.slice(cursor, span.end);
}

const ANAPHOR_NP =
  /^((?:(?:In|On|At|Under|As part of|Meanwhile|Separately|Also|Earlier|Last week|This week)\b[^,⟦]*,\s*)?)(?:The|the|This|this)\s+(?:[\p{L}-]+\s+){0,3}?(?:company|group|firm|giant|carmaker|automaker|chipmaker|airline|carrier|bank|lender|insurer|start-?up|maker|retailer|operator|conglomerate|developer|business|designer|producer|manufacturer|platform|unicorn)\b/u;

const PREPOSITION =
  /\b(?:with|of|for|to|by|from|into|through|on|at|about|between|like|including|than|over|after|before|under|against|among|via)\b/iu;

/**
 * The clause's subject before `limit`: the first organisation that does not stand in a
 * prepositional phrase ("The collaboration with ⟦O2⟧" has none; "In a separate development,
 * ⟦O1⟧ has partnered with ⟦O2⟧" has ⟦O1⟧).
 */
export function subjectBefore(view: string, limit: number): number | undefined {
  const head = view.slice(0, limit);
  const intro = /^[^⟦,]*,\s*/u.exec(head);
  let cursor = intro ? intro[0].length : 0;
  for (const m of head.matchAll(/⟦O(\d+)⟧/g)) {
    if (m.index < cursor) continue;
    const gap = head.slice(cursor, m.index).replace(/‹[^›]*›/g, " ");
    if (!PREPOSITION.test(gap)) return Number(m[1]);
    cursor = m.index + m[0].length;
  }
  return undefined;
}

function subjectOf(view: string): number | undefined {
  return subjectBefore(view, view.length);
}

/** Resolves anaphoric subjects to the organisation they stand for. */
function resolveAnaphora(view: string, salient: number | undefined, inherited: number | undefined): string {
  const target = inherited ?? salient;
  if (target === undefined) return view;
  let out = view;
  const np = ANAPHOR_NP.exec(out);
  if (np) out = `${np[1] ?? ""}⟦O${target}⟧${out.slice(np[0].length)}`;
  out = out.replace(/^(\s*)(?:It|it)\b(?!’s|'s)/u, `$1⟦O${target}⟧`);
  // "X said on Friday it had signed …", "a day after it signed …"
  out = out.replace(
    /\b((?:said|says|announced|added|confirmed|stated)(?: on \p{L}+day)?(?: that)?|after|before|as|when|because|since)\s+it\b(?!’s|'s)/gu,
    (_, verb: string, offset: number) => {
      const before = subjectOf(out.slice(0, offset));
      return `${verb} ⟦O${before ?? target}⟧`;
    },
  );
  return out;
}

/** Clause views of every body sentence, with anaphora resolved. */
export function clauseViews(doc: Doc): ClauseView[] {
  const views: ClauseView[] = [];
  let salient: number | undefined;
  const firstOrg = doc.mentions.find((m) => m.kind === "ORGANIZATION")?.cluster.id;
  for (const sentence of doc.sentences) {
    if (sentence.heading) continue;
    const mentions = doc.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    let inherited: number | undefined;
    splitClauses(doc.text, sentence).forEach((span, index) => {
      const raw = render(doc.text, span, mentions);
      const view = resolveAnaphora(raw, salient ?? firstOrg, index > 0 ? inherited : undefined);
      const subject = subjectOf(view);
      views.push({ ...span, sentence, index, view, fallbackSubject: subject ?? inherited ?? salient ?? firstOrg });
      if (subject !== undefined && index === 0) inherited = subject;
      else if (inherited === undefined) inherited = subject;
    });
    const lead = mentions.find((m) => m.kind === "ORGANIZATION");
    if (lead) salient = lead.cluster.id;
  }
  return views;
}
