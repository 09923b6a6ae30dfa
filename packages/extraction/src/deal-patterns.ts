// Deal statements in a clause view: who partners with, invests in, acquires, merges with,
// licenses to or forms a joint venture with whom, and in which roles.

import { ORG, subjectBefore, type ClauseView } from "./clause-view.ts";
import type { DealType, ParticipantRole } from "./types.ts";

export interface PartyRole {
  cluster: number;
  role: ParticipantRole;
}

export interface DealStatement {
  type: DealType;
  parties: PartyRole[];
  /** Offset in the view where the trigger starts (orders statements within a clause). */
  at: number;
  /** How specific the wording is, 0..1. */
  strength: number;
}

/** Any text within the clause except another organisation (places, people may stand in it). */
const GAP = String.raw`[^⟦.;]`;

/** Organisation ids after a position, up to the end of the clause (or `limit` characters). */
function orgsAfter(view: string, from: number, limit = 400): number[] {
  return [...view.slice(from, from + limit).matchAll(/⟦O(\d+)⟧/g)].map((m) => Number(m[1]));
}

function subjectFor(clause: ClauseView, view: string, at: number): number | undefined {
  return subjectBefore(view, at) ?? clause.fallbackSubject;
}

function pair(
  type: DealType,
  a: number | undefined,
  b: number | undefined,
  roleA: ParticipantRole,
  roleB: ParticipantRole,
  at: number,
  strength: number,
): DealStatement | undefined {
  if (a === undefined || b === undefined || a === b) return undefined;
  return {
    type,
    parties: [
      { cluster: a, role: roleA },
      { cluster: b, role: roleB },
    ],
    at,
    strength,
  };
}

const SYMMETRIC_ROLE: Partial<Record<DealType, ParticipantRole>> = {
  STRATEGIC_PARTNERSHIP: "PARTNER",
  JOINT_VENTURE: "VENTURE_PARENT",
  MERGER: "MERGING_PARTY",
};

// ── coordinated parties: "X and Y have agreed to merge", "a partnership between X and Y" ──

const COORDINATED = new RegExp(String.raw`${ORG}(?:’s|'s)?(?:\s*,[^,⟦;]{1,90},)?\s+and\s+${GAP}{0,45}?${ORG}`, "gu");

const SYMMETRIC_NOUNS: Array<[RegExp, DealType]> = [
  [/\bjoint[- ]venture\b/iu, "JOINT_VENTURE"],
  [/\bmerg(?:e|er|ers|ed|ing)\b|\bcombine(?: their)?\b/iu, "MERGER"],
  [
    /\b(?:strategic )?(?:partnership|alliance|collaboration|tie-up|pact|cooperation|co-operation|memorandum of understanding|MoU)\b|\bpartner(?:ed|ing)?\b(?! (?:at|with))|\bteam(?:ed)? up\b|\bjoin(?:ed)? forces\b|\bagreement to (?:develop|build|deploy|co-develop|jointly|work)\b|\b(?:signed|inked|struck|reached|sealed)\s+(?:an?\s+)?(?:[\p{L}-]+\s+){0,3}?(?:agreement|deal)\b(?![^.;]{0,30}\b(?:licens|distribut|merg|acqui|invest))/iu,
    "STRATEGIC_PARTNERSHIP",
  ],
];

function coordinated(view: string): DealStatement[] {
  const out: DealStatement[] = [];
  for (const m of view.matchAll(COORDINATED)) {
    const rest = view.slice(m.index + m[0].length);
    const beforeText = view.slice(Math.max(0, m.index - 40), m.index);
    const between = /\b(?:between|of)\s+(?:the\s+)?$/iu.test(beforeText)
      ? view.slice(Math.max(0, m.index - 60), m.index)
      : "";
    for (const [noun, type] of SYMMETRIC_NOUNS) {
      const hit = noun.exec(rest);
      const viaBetween = between !== "" && noun.test(between);
      if ((hit && !/⟦O/.test(rest.slice(0, hit.index).replace(/⟦O\d+⟧(?:’s|'s)/g, ""))) || viaBetween) {
        const role = SYMMETRIC_ROLE[type] ?? "PARTNER";
        const stmt = pair(type, Number(m[1]), Number(m[2]), role, role, m.index, 0.8);
        if (stmt) out.push(stmt);
        break;
      }
    }
  }
  return out;
}

// ── subject–verb–object statements ──

interface VerbRule {
  re: RegExp;
  type: DealType;
  /** Roles of subject and object. */
  roles: [ParticipantRole, ParticipantRole];
  strength: number;
}

const ACQUIRE = String.raw`(?:acquire|acquires|acquired|acquiring|buy|buys|bought|buying|purchase|purchases|purchased|take over|takes over|took over|snap(?:ped)? up)`;

const VERB_RULES: VerbRule[] = [
  {
    re: new RegExp(
      String.raw`\b${ACQUIRE}\s+(?:${GAP}{0,60}?\b(?:business|unit|division|arm|stake|control|assets|operations|subsidiary)\s+(?:of|in)\s+)?${GAP}{0,25}?${ORG}`,
      "giu",
    ),
    type: "ACQUISITION",
    roles: ["ACQUIRER", "TARGET"],
    strength: 0.85,
  },
  {
    re: new RegExp(String.raw`\b(?:acquisition|purchase|takeover|buyout)\s+of\s+${GAP}{0,40}?${ORG}`, "giu"),
    type: "ACQUISITION",
    roles: ["ACQUIRER", "TARGET"],
    strength: 0.8,
  },
  {
    re: new RegExp(String.raw`\b(?:bid|offer|takeover approach)\s+for\s+${GAP}{0,20}?${ORG}`, "giu"),
    type: "ACQUISITION",
    roles: ["ACQUIRER", "TARGET"],
    strength: 0.6,
  },
  {
    re: new RegExp(
      String.raw`\bapproached\s+${ORG}\s+(?:about|over|with)\s+(?:a|an)\s+(?:takeover|acquisition|offer|bid)`,
      "giu",
    ),
    type: "ACQUISITION",
    roles: ["ACQUIRER", "TARGET"],
    strength: 0.6,
  },
  {
    re: new RegExp(String.raw`\bpaid\s+${GAP}{0,50}?\bfor\s+${ORG}`, "giu"),
    type: "ACQUISITION",
    roles: ["ACQUIRER", "TARGET"],
    strength: 0.6,
  },
  {
    re: new RegExp(String.raw`\binvest(?:s|ed|ing)?\b${GAP}{0,60}?\bin(?:to)?\s+${GAP}{0,20}?${ORG}`, "giu"),
    type: "INVESTMENT",
    roles: ["INVESTOR", "INVESTEE"],
    strength: 0.8,
  },
  {
    re: new RegExp(
      String.raw`\b(?:investment|equity investment)\s+(?:of\s+${GAP}{0,30}?\s+)?in(?:to)?\s+${GAP}{0,15}?${ORG}`,
      "giu",
    ),
    type: "INVESTMENT",
    roles: ["INVESTOR", "INVESTEE"],
    strength: 0.7,
  },
  {
    re: new RegExp(
      String.raw`\b(?:led|co-led|headed|anchored)\s+(?:a|an|the)\s+${GAP}{0,60}?\b(?:round|investment|financing|raise)\s+(?:in|into|for)\s+${ORG}`,
      "giu",
    ),
    type: "INVESTMENT",
    roles: ["INVESTOR", "INVESTEE"],
    strength: 0.85,
  },
  {
    re: new RegExp(String.raw`\blicens(?:ed|es|ing)\b${GAP}{0,80}?\bto\s+${GAP}{0,15}?${ORG}`, "giu"),
    type: "LICENSING",
    roles: ["LICENSOR", "LICENSEE"],
    strength: 0.8,
  },
  {
    re: new RegExp(
      String.raw`\blicens(?:ing|e)\s+(?:agreement|deal|pact|contract)\s+(?:with|giving|granting|that gives|to)\s+${ORG}`,
      "giu",
    ),
    type: "LICENSING",
    roles: ["LICENSOR", "LICENSEE"],
    strength: 0.85,
  },
  {
    re: new RegExp(String.raw`\bmerg(?:e|es|ed|ing)\s+with\s+${ORG}`, "giu"),
    type: "MERGER",
    roles: ["MERGING_PARTY", "MERGING_PARTY"],
    strength: 0.85,
  },
  {
    re: new RegExp(String.raw`\bmerger\s+(?:talks\s+|agreement\s+|deal\s+)?with\s+${ORG}`, "giu"),
    type: "MERGER",
    roles: ["MERGING_PARTY", "MERGING_PARTY"],
    strength: 0.8,
  },
  {
    re: new RegExp(String.raw`\bjoint[- ]venture\s+(?:company\s+)?with\s+${GAP}{0,30}?${ORG}`, "giu"),
    type: "JOINT_VENTURE",
    roles: ["VENTURE_PARENT", "VENTURE_PARENT"],
    strength: 0.85,
  },
  {
    re: new RegExp(
      String.raw`\b(?:partner(?:s|ed|ing)?|team(?:s|ed)? up|join(?:s|ed)? forces|collaborat(?:es|ed|ing)|allied|cooperat(?:es|ed|ing))\s+with\s+${GAP}{0,30}?${ORG}`,
      "giu",
    ),
    type: "STRATEGIC_PARTNERSHIP",
    roles: ["PARTNER", "PARTNER"],
    strength: 0.8,
  },
  {
    re: new RegExp(
      String.raw`\b(?:partnership|alliance|collaboration|tie-up|pact|memorandum of understanding|MoU|cooperation agreement|strategic agreement|codeshare(?: agreement)?)\s+with\s+${GAP}{0,30}?${ORG}`,
      "giu",
    ),
    type: "STRATEGIC_PARTNERSHIP",
    roles: ["PARTNER", "PARTNER"],
    strength: 0.75,
  },
  {
    re: new RegExp(
      String.raw`\b(?:signed|signs|entered(?: into)?|struck|inked|sealed)\s+(?:an?|the)\s+${GAP}{0,40}?\bagreement\s+with\s+${ORG}`,
      "giu",
    ),
    type: "STRATEGIC_PARTNERSHIP",
    roles: ["PARTNER", "PARTNER"],
    strength: 0.6,
  },
  {
    re: new RegExp(
      String.raw`\btalks\s+with\s+${ORG}\s+(?:about|on|over|for)\s+(?:a|an|the)?\s*(?:possible\s+|potential\s+)?(?:codeshare|partnership|alliance|tie-up)`,
      "giu",
    ),
    type: "STRATEGIC_PARTNERSHIP",
    roles: ["PARTNER", "PARTNER"],
    strength: 0.6,
  },
  {
    re: new RegExp(
      String.raw`\btalks\s+with\s+${ORG}\s+(?:about|on|over|for)\s+(?:a|an|the)?\s*(?:possible\s+|potential\s+)?(?:takeover|acquisition|sale)`,
      "giu",
    ),
    type: "ACQUISITION",
    roles: ["ACQUIRER", "TARGET"],
    strength: 0.6,
  },
  {
    re: new RegExp(
      String.raw`\btalks\s+with\s+${ORG}\s+(?:about|on|over|for)\s+(?:a|an|the)?\s*(?:possible\s+|potential\s+)?merger`,
      "giu",
    ),
    type: "MERGER",
    roles: ["MERGING_PARTY", "MERGING_PARTY"],
    strength: 0.6,
  },
];

/** Deal words that make a generic "agreement with" mean something else than a partnership. */
const OTHER_TYPE_CUE =
  /\b(?:licens\w*|distribut\w*|reseller|dealer|joint[- ]venture|merg\w*|acqui\w*|takeover|invest\w*)\b/iu;

function verbStatements(clause: ClauseView, view: string): DealStatement[] {
  const out: DealStatement[] = [];
  for (const rule of VERB_RULES) {
    for (const m of view.matchAll(rule.re)) {
      if (rule.type === "STRATEGIC_PARTNERSHIP" && rule.strength < 0.7 && OTHER_TYPE_CUE.test(m[0])) continue;
      const object = Number(m[m.length - 1]);
      const subject = subjectFor(clause, view, m.index);
      const stmt = pair(rule.type, subject, object, rule.roles[0], rule.roles[1], m.index, rule.strength);
      if (stmt) out.push(stmt);
    }
  }
  return out;
}

// ── passive and funding-round statements ──

const PASSIVE_ACQ = new RegExp(
  String.raw`${ORG}${GAP}{0,60}?\b(?:was|has been|is being|will be|had been|would be)\s+(?:acquired|bought|purchased|taken over)\s+by\s+${GAP}{0,30}?${ORG}`,
  "giu",
);

const RAISED = new RegExp(
  String.raw`${ORG}(?:(?!⟦O)[^.;]){0,160}?\b(?:raised|raises|has raised|secured|closed|landed|attracted|bagged|won)\b(?:(?!⟦O)[^.;]){0,140}?\b(?:led by|co-led by|from|with participation from|backed by|including)\s`,
  "giu",
);

const STAKE = new RegExp(
  String.raw`\b(?:took|takes|take|taking|acquired|acquires|bought|buys|buy|will take|to take)\s+(?:a|an)\s+(?:(\d+(?:\.\d+)?)\s?%|(minority|majority|controlling|significant|small))?\s*stake\s+in\s+${ORG}`,
  "giu",
);

const SALE = new RegExp(
  String.raw`\b(?:sell|sells|selling|sold|(?:agreed|agrees) to sell|will sell|to sell)\s+(?:its\s+${GAP}{0,40}?\s+)?${ORG}\s+to\s+${GAP}{0,25}?${ORG}`,
  "giu",
);

function fundingStatements(clause: ClauseView, view: string): DealStatement[] {
  const out: DealStatement[] = [];
  for (const m of view.matchAll(SALE)) {
    const target = Number(m[1]);
    const buyer = Number(m[2]);
    const seller = subjectFor(clause, view, m.index);
    const stmt = pair("ACQUISITION", buyer, target, "ACQUIRER", "TARGET", m.index, 0.8);
    if (!stmt) continue;
    if (seller !== undefined && seller !== buyer && seller !== target)
      stmt.parties.push({ cluster: seller, role: "SELLER" });
    out.push(stmt);
  }
  for (const m of view.matchAll(PASSIVE_ACQ)) {
    const stmt = pair("ACQUISITION", Number(m[2]), Number(m[1]), "ACQUIRER", "TARGET", m.index, 0.85);
    if (stmt) out.push(stmt);
  }
  for (const m of view.matchAll(RAISED)) {
    const investee = Number(m[1]);
    const investors = orgsAfter(view, m.index + m[0].length).filter((id) => id !== investee);
    if (investors.length === 0) continue;
    out.push({
      type: "INVESTMENT",
      parties: [
        { cluster: investee, role: "INVESTEE" },
        ...[...new Set(investors)].map((cluster) => ({ cluster, role: "INVESTOR" as const })),
      ],
      at: m.index,
      strength: 0.85,
    });
  }
  for (const m of view.matchAll(STAKE)) {
    const percent = m[1] !== undefined ? Number(m[1]) : undefined;
    const size = m[2]?.toLowerCase();
    const target = Number(m[3]);
    const holder = subjectFor(clause, view, m.index);
    const control = (percent !== undefined && percent > 50) || size === "majority" || size === "controlling";
    const stmt = control
      ? pair("ACQUISITION", holder, target, "ACQUIRER", "TARGET", m.index, 0.75)
      : pair("INVESTMENT", holder, target, "INVESTOR", "INVESTEE", m.index, 0.75);
    if (stmt) out.push(stmt);
  }
  return out;
}

// ── channel partners: distributors, resellers, authorised partners ──

const CHANNEL_NOUN = String.raw`(?:distributor|reseller|dealer|channel partner|sales partner|sales agent|agent|importer|franchisee|retail partner|distribution partner)s?`;

const CHANNEL_AS = new RegExp(
  String.raw`\b(?:appoint(?:s|ed|ing)?|nam(?:es|ed|ing)|select(?:s|ed)|sign(?:s|ed)(?: up)?|position(?:s|ed|ing)|mak(?:es|ing)|designat(?:es|ed|ing)|chose|choose)\s+${GAP}{0,20}?${ORG}\s+as\s+(?:its|an?|the|their)?\s*${GAP}{0,60}?\b${CHANNEL_NOUN}\b`,
  "giu",
);

const CHANNEL_AGREEMENT = new RegExp(
  String.raw`\b(?:distribution|reseller|resale|dealership|dealer|channel(?: partner)?|agency|franchise)\s+(?:agreement|deal|contract|partnership|pact)\s+with\s+${GAP}{0,20}?${ORG}`,
  "giu",
);

const CHANNEL_ACT = new RegExp(
  String.raw`${ORG}\s+(?:will\s+|would\s+|is to\s+|to\s+)?(?:act|serve|operate|become|becomes|became)\s+as\s+(?:${ORG}(?:’s|'s)\s+)?${GAP}{0,40}?\b${CHANNEL_NOUN}\b`,
  "giu",
);

const CHANNEL_SELLS = new RegExp(
  String.raw`${ORG}\s+(?:will\s+|is to\s+|to\s+)?(?:distribute|resell|sell|import|market)s?\s+${ORG}(?:’s|'s)\s+(?:[\p{L}-]+\s+){0,3}?(?:products|devices|brands|vehicles|drugs|machines|range|software|phones|cars)\b`,
  "giu",
);

function channelStatements(clause: ClauseView, view: string): DealStatement[] {
  const out: DealStatement[] = [];
  for (const m of view.matchAll(CHANNEL_SELLS)) {
    const stmt = pair("CHANNEL_PARTNERSHIP", Number(m[2]), Number(m[1]), "PRINCIPAL", "CHANNEL_PARTNER", m.index, 0.75);
    if (stmt) out.push(stmt);
  }
  const principalFor = (channel: number, at: number): number | undefined => {
    const subject = subjectFor(clause, view, at);
    if (subject !== undefined && subject !== channel) return subject;
    return orgsAfter(view, 0).find((id) => id !== channel) ?? clause.fallbackSubject;
  };
  for (const m of view.matchAll(CHANNEL_AS)) {
    const channel = Number(m[1]);
    const stmt = pair(
      "CHANNEL_PARTNERSHIP",
      principalFor(channel, m.index),
      channel,
      "PRINCIPAL",
      "CHANNEL_PARTNER",
      m.index,
      0.85,
    );
    if (stmt) out.push(stmt);
  }
  for (const m of view.matchAll(CHANNEL_AGREEMENT)) {
    const channel = Number(m[1]);
    const stmt = pair(
      "CHANNEL_PARTNERSHIP",
      principalFor(channel, m.index),
      channel,
      "PRINCIPAL",
      "CHANNEL_PARTNER",
      m.index,
      0.85,
    );
    if (stmt) out.push(stmt);
  }
  for (const m of view.matchAll(CHANNEL_ACT)) {
    const channel = Number(m[1]);
    const principal = m[2] !== undefined ? Number(m[2]) : principalFor(channel, m.index);
    const stmt = pair("CHANNEL_PARTNERSHIP", principal, channel, "PRINCIPAL", "CHANNEL_PARTNER", m.index, 0.8);
    if (stmt) out.push(stmt);
  }
  return out;
}

const DEAL_WORD =
  /partner|team|forces|collaborat|allied|alliance|cooperat|tie-up|pact|memorandum|MoU|agreement|deal|venture|merg|combine|acqui|buy|bought|purchas|takeover|take over|took over|snap|bid|offer|approach|paid|invest|stake|round|raise|secur|landed|attracted|bagged|won|closed|licens|distribut|resell|reseller|dealer|channel|agent|importer|franchise|appoint|sell|sold|talks|codeshare/iu;

/** Every deal statement of a clause, de-duplicated on type and parties. */
export function dealStatements(clause: ClauseView): DealStatement[] {
  const view = clause.view;
  // a deal needs an organisation named in the clause and a deal word
  if (!view.includes("⟦O") || !DEAL_WORD.test(view)) return [];
  const all = [
    ...channelStatements(clause, view),
    ...coordinated(view),
    ...fundingStatements(clause, view),
    ...verbStatements(clause, view),
  ];
  const seen = new Set<string>();
  const out: DealStatement[] = [];
  for (const s of all) {
    const key = `${s.type}:${s.parties
      .map((p) => p.cluster)
      .sort()
      .join(",")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}
