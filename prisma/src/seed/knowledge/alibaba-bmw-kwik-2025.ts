import type { CuratedArticle } from "../curated.ts";

/**
 * What a curator read in the first source article. Offsets are not written by hand: each quote is
 * located in the stored text when seeding (and must occur exactly once, or name its occurrence).
 */
export const alibabaBmwKwik2025: CuratedArticle = {
  file: "alibaba-bmw-kwik-2025",
  entities: [
    {
      key: "alibaba-group",
      kind: "ORGANIZATION",
      name: "Alibaba Group",
      description: "Chinese technology group: e-commerce, cloud computing and AI.",
      regionCode: "156",
      aliases: [
        ["Alibaba", "SHORT"],
        ["Alibaba Group Holding Limited", "LEGAL"],
        ["BABA", "TICKER"],
      ],
      externalIds: [["WIKIDATA", "Q1359568"]],
    },
    {
      key: "alibaba-cloud",
      kind: "ORGANIZATION",
      name: "Alibaba Cloud",
      description: "Alibaba Group's cloud computing and AI unit; develops the Qwen models.",
      regionCode: "156",
      parent: "alibaba-group",
      aliases: [["Aliyun", "TRADE"]],
    },
    {
      key: "alibaba-com",
      kind: "ORGANIZATION",
      name: "Alibaba.com",
      description: "Alibaba Group's B2B e-commerce marketplace.",
      regionCode: "156",
      parent: "alibaba-group",
    },
    {
      key: "bmw-group",
      kind: "ORGANIZATION",
      name: "BMW Group",
      description: "German maker of cars and motorcycles.",
      regionCode: "276",
      aliases: [
        ["BMW", "SHORT"],
        ["Bayerische Motoren Werke AG", "LEGAL"],
      ],
      externalIds: [["WIKIDATA", "Q26678"]],
    },
    {
      key: "bmw-group-region-china",
      kind: "ORGANIZATION",
      name: "BMW Group Region China",
      description: "BMW Group's organisation for the Chinese market.",
      regionCode: "156",
      parent: "bmw-group",
    },
    {
      key: "kwik",
      kind: "ORGANIZATION",
      name: "Kwik",
      description: "Digital logistics platform in Nigeria.",
      regionCode: "566",
    },
    {
      key: "microsoft",
      kind: "ORGANIZATION",
      name: "Microsoft",
      description: "American technology company.",
      regionCode: "840",
      externalIds: [["WIKIDATA", "Q2283"]],
    },
    {
      key: "deepseek",
      kind: "ORGANIZATION",
      name: "DeepSeek",
      description: "Chinese AI company known for open-source models.",
      regionCode: "156",
    },
    {
      key: "hsbc",
      kind: "ORGANIZATION",
      name: "HSBC",
      description: "British bank.",
      regionCode: "826",
      externalIds: [["WIKIDATA", "Q190464"]],
    },
    {
      key: "hsbc-global-investment-summit",
      kind: "EVENT",
      name: "HSBC Global Investment Summit",
      description: "Investment conference held by HSBC in Hong Kong.",
      regionCode: "344",
    },
    {
      key: "qwen",
      kind: "PRODUCT",
      name: "Qwen",
      description: "Alibaba's family of large language models.",
      aliases: [["Tongyi Qianwen", "TRANSLATION"]],
    },
    {
      key: "qwen2-5-omni-7b",
      kind: "PRODUCT",
      name: "Qwen2.5-Omni-7B",
      description: "Open-source multimodal model of the Qwen series, for edge devices.",
    },
    {
      key: "yan-ai",
      kind: "PRODUCT",
      name: "Yan AI",
      description: "Qwen-empowered smart cockpit solution.",
    },
    {
      key: "intelligent-personal-assistant",
      kind: "PRODUCT",
      name: "Intelligent Personal Assistant",
      description: "AI-powered in-car assistant co-developed by BMW and Alibaba.",
      aliases: [["IPA", "SHORT"]],
    },
    {
      key: "idrive-x",
      kind: "PRODUCT",
      name: "iDrive X",
      description: "BMW's AI-powered in-car operating system.",
    },
    {
      key: "neue-klasse",
      kind: "PRODUCT",
      name: "Neue Klasse",
      description: "BMW's next-generation vehicle models.",
    },
    {
      key: "sean-green",
      kind: "PERSON",
      name: "Sean Green",
      description: "President and CEO of BMW Group Region China.",
    },
    {
      key: "romain-poirot-lellig",
      kind: "PERSON",
      name: "Romain Poirot-Lellig",
      description: "Founder and CEO of Kwik.",
    },
    {
      key: "joe-tsai",
      kind: "PERSON",
      name: "Joe Tsai",
      description: "Chair of Alibaba Group.",
      aliases: [["Tsai", "SHORT"]],
    },
    { key: "satya-nadella", kind: "PERSON", name: "Satya Nadella", description: "CEO of Microsoft." },
    { key: "china", kind: "PLACE", name: "China", regionCode: "156", externalIds: [["WIKIDATA", "Q148"]] },
    { key: "nigeria", kind: "PLACE", name: "Nigeria", regionCode: "566", externalIds: [["WIKIDATA", "Q1033"]] },
    { key: "sub-saharan-africa", kind: "PLACE", name: "Sub-Saharan Africa", regionCode: "202" },
    { key: "beijing", kind: "PLACE", name: "Beijing", regionCode: "156", externalIds: [["WIKIDATA", "Q956"]] },
    { key: "hong-kong", kind: "PLACE", name: "Hong Kong", regionCode: "344", externalIds: [["WIKIDATA", "Q8646"]] },
  ],

  deals: [
    {
      key: "alibaba-bmw-strategic-partnership",
      title: "Alibaba Group × BMW Group strategic partnership",
      summary:
        "Expanded strategic partnership to bring Alibaba's Qwen model into BMW's Neue Klasse vehicles built in China, with an AI-powered Intelligent Personal Assistant from 2026.",
      type: "STRATEGIC_PARTNERSHIP",
      status: "ANNOUNCED",
      announced: ["2025-03-01", "MONTH"],
      participants: [
        ["alibaba-group", "PARTNER"],
        ["bmw-group", "PARTNER"],
      ],
      regionCodes: ["156"],
      sectorCodes: ["automotive", "artificial-intelligence"],
    },
    {
      key: "alibaba-com-kwik-channel-partnership",
      title: "Alibaba.com × Kwik channel partnership",
      summary:
        "Kwik becomes Alibaba.com's first Authorized Channel Partner in sub-Saharan Africa, helping Nigerian exporters sell on its B2B platform.",
      type: "CHANNEL_PARTNERSHIP",
      status: "SIGNED",
      announced: ["2025-03-01", "MONTH"],
      participants: [
        ["alibaba-com", "PRINCIPAL"],
        ["kwik", "CHANNEL_PARTNER"],
      ],
      regionCodes: ["566", "202"],
      sectorCodes: ["e-commerce", "logistics"],
    },
  ],

  claims: [
    // ── structure: units and where things are ──
    { key: "alibaba-cloud-unit", subject: "alibaba-cloud", predicate: "SUBSIDIARY_OF", object: "alibaba-group" },
    { key: "alibaba-com-unit", subject: "alibaba-com", predicate: "SUBSIDIARY_OF", object: "alibaba-group" },
    {
      key: "bmw-region-china-unit",
      subject: "bmw-group-region-china",
      predicate: "SUBSIDIARY_OF",
      object: "bmw-group",
      evidence: [{ quote: "BMW Group Region China" }],
    },
    {
      key: "alibaba-chinese",
      subject: "alibaba-group",
      predicate: "HEADQUARTERED_IN",
      object: "china",
      evidence: [{ quote: "The Chinese tech giant" }],
    },
    {
      key: "kwik-nigeria",
      subject: "kwik",
      predicate: "HEADQUARTERED_IN",
      object: "nigeria",
      evidence: [{ quote: "Kwik, a leading digital logistics platform in Nigeria" }],
    },
    {
      key: "deepseek-china",
      subject: "deepseek",
      predicate: "HEADQUARTERED_IN",
      object: "china",
      evidence: [
        {
          quote:
            "a trend in China, where companies like DeepSeek have made significant strides by open-sourcing their AI models",
        },
      ],
    },
    {
      key: "bmw-rnd-beijing",
      subject: "bmw-group",
      predicate: "LOCATED_IN",
      object: "beijing",
      text: "R&D Center",
      evidence: [{ quote: "BMW’s R&D Center in Beijing" }],
    },
    {
      key: "summit-hong-kong",
      subject: "hsbc-global-investment-summit",
      predicate: "TOOK_PLACE_IN",
      object: "hong-kong",
      evidence: [{ quote: "HSBC Global Investment Summit in Hong Kong" }],
    },
    {
      key: "hsbc-organised-summit",
      subject: "hsbc",
      predicate: "ORGANIZED",
      object: "hsbc-global-investment-summit",
      evidence: [{ quote: "HSBC Global Investment Summit" }],
    },
    {
      key: "tsai-attended-summit",
      subject: "joe-tsai",
      predicate: "ATTENDED",
      object: "hsbc-global-investment-summit",
      evidence: [{ quote: "At the HSBC Global Investment Summit in Hong Kong, Alibaba Group’s chair, Joe Tsai" }],
    },

    // ── roles ──
    {
      key: "sean-green-role",
      subject: "sean-green",
      predicate: "HOLDS_ROLE",
      object: "bmw-group-region-china",
      role: "President and CEO",
      evidence: [{ quote: "Sean Green, President and CEO of BMW Group Region China" }],
    },
    {
      key: "poirot-lellig-role",
      subject: "romain-poirot-lellig",
      predicate: "HOLDS_ROLE",
      object: "kwik",
      role: "Founder & CEO",
      evidence: [{ quote: "Romain Poirot-Lellig, Founder & CEO of Kwik" }],
    },
    {
      key: "tsai-role",
      subject: "joe-tsai",
      predicate: "HOLDS_ROLE",
      object: "alibaba-group",
      role: "Chair",
      evidence: [{ quote: "Alibaba Group’s chair, Joe Tsai" }],
    },
    {
      key: "nadella-role",
      subject: "satya-nadella",
      predicate: "HOLDS_ROLE",
      object: "microsoft",
      role: "CEO",
      evidence: [{ quote: "Microsoft CEO Satya Nadella" }],
    },

    // ── the deals' own claims ──
    {
      key: "alibaba-bmw-partnership",
      subject: "alibaba-group",
      predicate: "PARTNERS_WITH",
      object: "bmw-group",
      deal: "alibaba-bmw-strategic-partnership",
      regionCode: "156",
      sectorCode: "automotive",
      date: ["2025-03-01", "MONTH"],
      evidence: [
        { quote: "Alibaba and the BMW Group have announced an expanded strategic partnership in China" },
        { quote: "The IPA, co-developed by BMW and Alibaba" },
      ],
    },
    {
      key: "alibaba-com-kwik-partnership",
      subject: "alibaba-com",
      predicate: "PARTNERS_WITH",
      object: "kwik",
      deal: "alibaba-com-kwik-channel-partnership",
      regionCode: "202",
      sectorCode: "e-commerce",
      date: ["2025-03-01", "MONTH"],
      evidence: [
        {
          quote:
            "Alibaba has partnered with Kwik, a leading digital logistics platform in Nigeria, to support Nigerian exporters through Alibaba.com’s B2B platform",
        },
        {
          quote:
            "This marks the first such partnership for Alibaba in sub-Saharan Africa, positioning Kwik as an official Authorized Channel Partner",
        },
      ],
    },

    // ── products and intentions ──
    {
      key: "qwen-in-neue-klasse",
      subject: "neue-klasse",
      predicate: "INTEGRATES",
      object: "qwen",
      modality: "INTENT",
      deal: "alibaba-bmw-strategic-partnership",
      evidence: [
        {
          quote:
            "integrate Alibaba’s Qwen large language model into BMW’s next-generation vehicles, the Neue Klasse models",
        },
      ],
    },
    {
      key: "ipa-debut-2026",
      subject: "bmw-group",
      predicate: "LAUNCHED",
      object: "intelligent-personal-assistant",
      modality: "INTENT",
      date: ["2026-01-01", "YEAR"],
      regionCode: "156",
      deal: "alibaba-bmw-strategic-partnership",
      evidence: [
        {
          quote:
            "an AI-powered Intelligent Personal Assistant (IPA) that will debut in vehicles produced in China starting from 2026",
        },
      ],
    },
    {
      key: "ipa-codeveloped-bmw",
      subject: "bmw-group",
      predicate: "DEVELOPED",
      object: "intelligent-personal-assistant",
      evidence: [{ quote: "The IPA, co-developed by BMW and Alibaba" }],
    },
    {
      key: "ipa-codeveloped-alibaba",
      subject: "alibaba-group",
      predicate: "DEVELOPED",
      object: "intelligent-personal-assistant",
      evidence: [{ quote: "The IPA, co-developed by BMW and Alibaba" }],
    },
    {
      key: "ipa-uses-yan-ai",
      subject: "intelligent-personal-assistant",
      predicate: "INTEGRATES",
      object: "yan-ai",
      modality: "INTENT",
      evidence: [{ quote: "will utilize Yan AI, a Qwen-empowered smart cockpit solution" }],
    },
    {
      key: "yan-ai-on-qwen",
      subject: "yan-ai",
      predicate: "INTEGRATES",
      object: "qwen",
      evidence: [{ quote: "Yan AI, a Qwen-empowered smart cockpit solution" }],
    },
    {
      key: "idrive-x-showcased",
      subject: "bmw-group",
      predicate: "DEVELOPED",
      object: "idrive-x",
      evidence: [{ quote: "the AI-powered iDrive X system was showcased" }],
    },
    {
      key: "qwen-omni-launch",
      subject: "alibaba-cloud",
      predicate: "LAUNCHED",
      object: "qwen2-5-omni-7b",
      date: ["2025-03-01", "MONTH"],
      sectorCode: "artificial-intelligence",
      evidence: [
        { quote: "Alibaba Cloud has launched a new open-source AI model, Qwen2.5-Omni-7B, as part of its Qwen series" },
      ],
    },
    {
      key: "qwen-by-alibaba-cloud",
      subject: "alibaba-cloud",
      predicate: "DEVELOPED",
      object: "qwen",
      evidence: [{ quote: "Qwen2.5-Omni-7B, as part of its Qwen series" }],
    },
    {
      key: "tongyi-qianwen-plans",
      subject: "alibaba-group",
      predicate: "DEVELOPED",
      object: "qwen",
      modality: "INTENT",
      evidence: [{ quote: "with plans to develop open-source AI models like the Tongyi Qianwen family" }],
    },

    // ── figures ──
    {
      key: "alibaba-com-buyers",
      subject: "alibaba-com",
      predicate: "HAS_METRIC",
      number: { value: 48_000_000, unit: "B2B buyers and importers", text: "over 48 million" },
      evidence: [{ quote: "over 48 million B2B buyers and importers" }],
    },

    // ── what people said ──
    {
      key: "sean-green-quote",
      subject: "sean-green",
      predicate: "STATED",
      text: "BMW will work closer with Chinese tech partners on electric mobility and intelligent technologies to write our renewed win-win story.",
      evidence: [
        {
          quote:
            "BMW will work closer with Chinese tech partners on electric mobility and intelligent technologies to write our renewed win-win story.",
          speaker: "sean-green",
          speakerRole: "President and CEO of BMW Group Region China",
        },
      ],
    },
    {
      key: "poirot-lellig-quote",
      subject: "romain-poirot-lellig",
      predicate: "STATED",
      text: "This partnership with Alibaba.com sends a very strong signal to Nigerian businesses: accessing the world’s markets is a few clicks away! Competing globally creates jobs and will play a key role in lifting up the Nigerian economy.",
      evidence: [
        {
          quote:
            "This partnership with Alibaba.com sends a very strong signal to Nigerian businesses: accessing the world’s markets is a few clicks away! Competing globally creates jobs and will play a key role in lifting up the Nigerian economy.",
          speaker: "romain-poirot-lellig",
          speakerRole: "Founder & CEO of Kwik",
        },
      ],
    },
    {
      key: "tsai-bubble-warning",
      subject: "joe-tsai",
      predicate: "WARNED_ABOUT",
      modality: "OPINION",
      text: "The beginning of an AI data center bubble: massive investments, often without guaranteed usage agreements.",
      sectorCode: "artificial-intelligence",
      date: ["2025-03-25", "DAY"],
      evidence: [
        {
          quote: "cautioned that the industry might be witnessing the beginning of an AI data center bubble",
          speaker: "joe-tsai",
          speakerRole: "Chair of Alibaba Group",
        },
        {
          quote:
            "Tsai pointed out the massive investments being made, often without guaranteed usage agreements, suggesting that the demand might not yet justify the scale of these projects",
          speaker: "joe-tsai",
          speakerRole: "Chair of Alibaba Group",
        },
      ],
    },
    {
      key: "nadella-overbuild-view",
      subject: "satya-nadella",
      predicate: "WARNED_ABOUT",
      modality: "OPINION",
      text: "The risk of an AI compute overbuild.",
      sectorCode: "artificial-intelligence",
      date: ["2025-01-01", "YEAR"],
      evidence: [
        {
          quote:
            "Microsoft CEO Satya Nadella earlier in the year, who also acknowledged the risk of an AI compute overbuild",
          speaker: "satya-nadella",
          speakerRole: "CEO of Microsoft",
        },
      ],
    },
  ],
};
