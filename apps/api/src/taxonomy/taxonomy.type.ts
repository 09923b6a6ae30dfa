import { Field, ObjectType } from "type-graphql";
import { RegionLevel, SectorKind } from "../common/enums.ts";
import { Node } from "../common/relay.ts";

@ObjectType({
  implements: Node,
  description: "A UN M49 area: World, continent, sub-region, intermediate region or country.",
})
export class Region extends Node {
  @Field(() => String, { description: "3-digit M49 code, e.g. 142 (Asia), 156 (China)." })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => RegionLevel)
  level!: RegionLevel;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2, for countries." })
  alpha2!: string | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-3, for countries." })
  alpha3!: string | null;
}

@ObjectType({ implements: Node, description: "An ISIC Rev.4 section or a theme such as Artificial Intelligence." })
export class Sector extends Node {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => SectorKind)
  kind!: SectorKind;
}
