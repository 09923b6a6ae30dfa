import "reflect-metadata";
import { registerEnumType } from "type-graphql";
import {
  AliasType,
  DatePrecision,
  DealStatus,
  DealType,
  EntityKind,
  Method,
  Modality,
  ParticipantRole,
  Predicate,
  Rank,
  RegionLevel,
  ReviewStatus,
  SectorKind,
  ValueKind,
} from "@dealgraph/db";

// The domain's enums come from the Prisma schema, so the database and the API cannot disagree.
registerEnumType(EntityKind, { name: "EntityKind" });
registerEnumType(AliasType, { name: "AliasType" });
registerEnumType(Predicate, { name: "Predicate", description: "What a claim says about its subject." });
registerEnumType(ValueKind, { name: "ValueKind" });
registerEnumType(DatePrecision, { name: "DatePrecision" });
registerEnumType(Modality, {
  name: "Modality",
  description: "How the source puts it: as fact, as an intention, as an opinion, as a rumour, or denied.",
});
registerEnumType(Rank, { name: "Rank" });
registerEnumType(ReviewStatus, { name: "ReviewStatus" });
registerEnumType(Method, { name: "Method", description: "How a claim was made." });
registerEnumType(DealType, { name: "DealType" });
registerEnumType(DealStatus, { name: "DealStatus" });
registerEnumType(ParticipantRole, { name: "ParticipantRole" });
registerEnumType(RegionLevel, { name: "RegionLevel" });
registerEnumType(SectorKind, { name: "SectorKind" });

export {
  AliasType,
  DatePrecision,
  DealStatus,
  DealType,
  EntityKind,
  Method,
  Modality,
  ParticipantRole,
  Predicate,
  Rank,
  RegionLevel,
  ReviewStatus,
  SectorKind,
  ValueKind,
};
