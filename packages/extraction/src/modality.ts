// How a clause presents a deal: denied, rumoured, intended, signed, completed, called off.

import type { DealStatus, Modality } from "./types.ts";

export interface ClauseStance {
  modality: Modality;
  /** The deal status this clause supports, when it supports one. */
  status?: DealStatus;
  /** The clause talks about an earlier, unrelated event ("last year", "in a 2023 round"). */
  background: boolean;
}

const NEGATION =
  /\b(?:den(?:ied|ies|y|ying)|dismissed|ruled out|not in (?:talks|discussions|negotiations)|no (?:plans?|talks|discussions|intention|negotiations)\b|(?:are|were|is|was) no (?:talks|discussions)|there (?:are|were) no (?:discussions|talks)|(?:called|calls|call) off (?:(?:the|its|their|all)\s+)?(?:talks|negotiations|discussions)|(?:broke|breaks|break) off (?:talks|negotiations)|walked away from (?:(?:the|its)\s+)?(?:talks|negotiations)|(?:ended|ends|abandoned|abandons|terminated|suspended) (?:(?:the|its|their)\s+)?(?:talks|negotiations|discussions)|not (?:planning|considering|pursuing|seeking) (?:to\s+)?|has no interest|will not (?:proceed|pursue|make)|did not reach|could not (?:agree|reach)|declined to (?:bid|pursue))/iu;

const TERMINATION =
  /\b(?:terminat(?:ed|es|e|ing)|scrap(?:ped|s)?|call(?:ed|s)? off|cancel(?:l?ed|s)?|abandon(?:ed|s)?|unwound|unwind(?:s|ing)?|end(?:ed|s)?|walked away from|pulled out of|collaps(?:ed|es))\b[^.;]{0,60}?\b(?:merger|deal|agreement|joint venture|venture|partnership|acquisition|takeover|alliance|tie-up|pact|transaction)\b/iu;

const TALKS_ONLY = /\b(?:talks|negotiations|discussions)\b/iu;

const RUMOUR =
  /\b(?:in (?:advanced |early |exclusive |preliminary |late-stage |detailed )?(?:talks|discussions|negotiations)|people (?:familiar|close|briefed|with knowledge)|person (?:familiar|close)|according to (?:people|sources|a person|two|three|four|several|media|reports?|a report)|reportedly|is said to|are said to|rumou?r|speculat\w*|weigh(?:ing|s)\b|consider(?:ing|s) (?:a|an)\b|mull(?:ing|s)\b|sources said|(?:has|have|had) held (?:preliminary |early )?(?:talks|discussions)|approached|is nearing|nears a deal|could (?:value|announce|be announced)|may (?:bid|announce)|(?:newspaper|media) report(?:ed)?)/iu;

const INTENT =
  /\b(?:plans? to|planning to|intends? to|aims? to|wants? to|seeks? to|is set to|hopes? to|will|would|expects? to|(?:is |are )?expected to|is to|are to)\b/iu;

const COMPLETION =
  /\b(?:complet(?:ed|es|ing)|closed|closes|finali[sz]ed|concluded|consummated|wrapped up)\b(?![^.;]{0,12}\b(?:talks|negotiations)\b)/iu;

const COMPLETION_FUTURE =
  /\b(?:expected to|will|to be|once|when|until|before|subject to|is set to|would|should|set to|due to|aims? to|plans? to)\s+(?:be\s+)?(?:complet|close|finali|conclud)/iu;

const SIGNING = /\b(?:signed|signs|inked|inks|sealed|seals)\b(?! (?:letters? of intent|off))/iu;

const BACKGROUND =
  /\b(?:last year|(?:in|a|since|during) (?:19|20)\d\d\b|previously(?! announced)|earlier this year|was last valued|years ago|in the past|founded in|was spun out|has previously|had previously)\b/iu;

/** The stance of one clause. */
export function clauseStance(clause: string): ClauseStance {
  const background = BACKGROUND.test(clause);
  if (
    TERMINATION.test(clause) &&
    !TALKS_ONLY.test(clause.replace(/\b(?:merger|deal|agreement)\s+talks\b/giu, "talks"))
  ) {
    return { modality: "ASSERTED", status: "TERMINATED", background: false };
  }
  if (NEGATION.test(clause)) return { modality: "NEGATED", background };
  if (RUMOUR.test(clause)) return { modality: "RUMOURED", status: "RUMOURED", background };
  if (COMPLETION.test(clause) && !COMPLETION_FUTURE.test(clause)) {
    return { modality: "ASSERTED", status: "COMPLETED", background: false };
  }
  if (SIGNING.test(clause)) return { modality: "ASSERTED", status: "SIGNED", background };
  if (INTENT.test(clause)) return { modality: "INTENT", status: "ANNOUNCED", background };
  return { modality: "ASSERTED", status: "ANNOUNCED", background };
}

const STATUS_RANK: Record<DealStatus, number> = { RUMOURED: 0, ANNOUNCED: 1, SIGNED: 2, COMPLETED: 3, TERMINATED: 4 };

/** The most advanced status among a deal's clauses. */
export function combineStatus(statuses: readonly DealStatus[]): DealStatus | undefined {
  let best: DealStatus | undefined;
  for (const s of statuses) if (!best || STATUS_RANK[s] > STATUS_RANK[best]) best = s;
  return best;
}
