import type { Prisma } from "../../generated/client.ts";

/** ISIC Rev.4 sections (UN Statistics Division); open, unlike GICS. */
const ISIC_SECTIONS: [string, string][] = [
  ["A", "Agriculture, forestry and fishing"],
  ["B", "Mining and quarrying"],
  ["C", "Manufacturing"],
  ["D", "Electricity, gas, steam and air conditioning supply"],
  ["E", "Water supply; sewerage, waste management and remediation activities"],
  ["F", "Construction"],
  ["G", "Wholesale and retail trade; repair of motor vehicles and motorcycles"],
  ["H", "Transportation and storage"],
  ["I", "Accommodation and food service activities"],
  ["J", "Information and communication"],
  ["K", "Financial and insurance activities"],
  ["L", "Real estate activities"],
  ["M", "Professional, scientific and technical activities"],
  ["N", "Administrative and support service activities"],
  ["O", "Public administration and defence; compulsory social security"],
  ["P", "Education"],
  ["Q", "Human health and social work activities"],
  ["R", "Arts, entertainment and recreation"],
  ["S", "Other service activities"],
  ["T", "Activities of households as employers"],
  ["U", "Activities of extraterritorial organizations and bodies"],
];

/** Theme tags the way strategy teams slice deals, each filed under the ISIC section it mostly sits in. */
export const THEMES: [code: string, name: string, section: string][] = [
  ["artificial-intelligence", "Artificial Intelligence", "J"],
  ["automotive", "Automotive", "C"],
  ["e-commerce", "E-commerce", "G"],
  ["logistics", "Logistics", "H"],
  ["fintech", "Fintech", "K"],
  ["financial-services", "Financial Services", "K"],
  ["semiconductors", "Semiconductors", "C"],
  ["energy", "Energy", "D"],
  ["renewable-energy", "Renewable Energy", "D"],
  ["healthcare", "Healthcare", "Q"],
  ["pharmaceuticals", "Pharmaceuticals", "C"],
  ["biotechnology", "Biotechnology", "M"],
  ["telecommunications", "Telecommunications", "J"],
  ["cloud-computing", "Cloud Computing", "J"],
  ["cybersecurity", "Cybersecurity", "J"],
  ["media", "Media", "J"],
  ["retail", "Retail", "G"],
  ["consumer-goods", "Consumer Goods", "C"],
  ["food-and-beverage", "Food and Beverage", "C"],
  ["agriculture", "Agriculture", "A"],
  ["mining", "Mining", "B"],
  ["real-estate", "Real Estate", "L"],
  ["aerospace", "Aerospace", "C"],
  ["robotics", "Robotics", "C"],
  ["travel", "Travel", "I"],
  ["education", "Education", "P"],
];

export function buildSectorTree(): Prisma.SectorCreateManyInput[] {
  const sections = ISIC_SECTIONS.map(([code, name]) => ({
    code,
    name,
    kind: "ISIC_SECTION" as const,
    parentCode: null,
    path: code,
  }));
  const themes = THEMES.map(([code, name, section]) => ({
    code,
    name,
    kind: "THEME" as const,
    parentCode: section,
    path: `${section}/${code}`,
  }));
  return [...sections, ...themes];
}
