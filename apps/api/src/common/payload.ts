import { Field, ObjectType, type ClassType } from "type-graphql";
import { UserError } from "./errors.ts";

/** `XxxPayload { xxx, errors }`: the changed object, or the user errors that stopped the change. */
export function Payload<T extends object>(NodeClass: ClassType<T>, field: string) {
  @ObjectType()
  abstract class PayloadClass {
    @Field(() => [UserError], { description: "Empty when the change was made; otherwise nothing was changed." })
    errors!: UserError[];
  }
  Field(() => NodeClass, { nullable: true })(PayloadClass.prototype, field);
  return PayloadClass;
}
