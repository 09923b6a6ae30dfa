import { describe, expect, it } from "vitest";
import { toGlobalId } from "../common/relay.ts";
import { useTestApi } from "../testing/api-harness.ts";
import { expectRefused } from "../testing/expect-refused.ts";
import { makeDeal, makeEntity, uniqueName } from "../testing/factories.ts";

const api = useTestApi("reference");
type Payload = {
  errors: { code: string; field: string[] | null; message: string }[];
  entity: { id: string; name: string; deletedAt: string | null } | null;
};

const CREATE = `mutation($input: CreateEntityInput!) { createEntity(input: $input) { entity { id name deletedAt } errors { code field message } } }`;

describe("createEntity", () => {
  it("creates an entity with aliases and external ids, and audits it", async () => {
    const name = uniqueName("Fictional Holdings");
    const data = await api.query<{ createEntity: Payload }>(CREATE, {
      input: {
        kind: "ORGANIZATION",
        name,
        regionCode: "276",
        aliases: [{ name: `${name} AG`, type: "LEGAL" }],
        externalIds: [{ scheme: "LEI", value: uniqueName("LEI") }],
      },
    });
    expect(data.createEntity.errors).toEqual([]);
    expect(data.createEntity.entity?.name).toBe(name);
    const audit = await api.db.prisma.auditEvent.findFirst({
      where: { targetType: "Entity", action: "CREATE" },
      orderBy: { id: "desc" },
    });
    expect(audit?.actor).toBe("test:curator");
  });

  it("refuses an empty name, an unknown region, a missing parent and duplicate aliases", async () => {
    await expectRefused(api, CREATE, { input: { kind: "ORGANIZATION", name: "   " } }, "input.name");
    await expectRefused(
      api,
      CREATE,
      { input: { kind: "ORGANIZATION", name: "X", regionCode: "999" } },
      "input.regionCode",
    );
    // Found by the fuzzer: an empty code slipped past the check into a foreign-key violation.
    await expectRefused(
      api,
      CREATE,
      { input: { kind: "ORGANIZATION", name: "!", regionCode: "" } },
      "input.regionCode",
    );
    await expectRefused(
      api,
      CREATE,
      {
        input: {
          kind: "ORGANIZATION",
          name: "X",
          parentId: toGlobalId("Entity", "00000000-0000-4000-8000-000000000000"),
        },
      },
      "input.parentId",
    );
    await expectRefused(
      api,
      CREATE,
      { input: { kind: "ORGANIZATION", name: "X", parentId: "not-an-id" } },
      "input.parentId",
    );
    await expectRefused(
      api,
      CREATE,
      {
        input: {
          kind: "ORGANIZATION",
          name: "X",
          aliases: [
            { name: "A", type: "SHORT" },
            { name: "a", type: "TRADE" },
          ],
        },
      },
      "input.aliases.1",
    );
  });

  it("answers a conflict for an external id another entity holds", async () => {
    const value = uniqueName("Q");
    await api.query(CREATE, {
      input: { kind: "ORGANIZATION", name: "First", externalIds: [{ scheme: "WIKIDATA", value }] },
    });
    const errors = await expectRefused(
      api,
      CREATE,
      { input: { kind: "ORGANIZATION", name: "Second", externalIds: [{ scheme: "WIKIDATA", value }] } },
      "input.externalIds",
    );
    expect(errors[0]?.code).toBe("CONFLICT");
  });
});

describe("updateEntity", () => {
  const UPDATE = `mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { entity { id name deletedAt } errors { code field message } } }`;

  it("renames and re-parents", async () => {
    const parent = await makeEntity(api.db.prisma);
    const child = await makeEntity(api.db.prisma);
    const data = await api.query<{ updateEntity: Payload }>(UPDATE, {
      input: { id: toGlobalId("Entity", child.id), name: "Renamed Unit", parentId: toGlobalId("Entity", parent.id) },
    });
    expect(data.updateEntity.entity?.name).toBe("Renamed Unit");
    expect((await api.db.prisma.entity.findUnique({ where: { id: child.id } }))?.parentId).toBe(parent.id);
  });

  it("refuses a cycle of units and an unknown id", async () => {
    const parent = await makeEntity(api.db.prisma);
    const child = await makeEntity(api.db.prisma, { parentId: parent.id });
    await expectRefused(
      api,
      UPDATE,
      { input: { id: toGlobalId("Entity", parent.id), parentId: toGlobalId("Entity", child.id) } },
      "input.parentId",
    );
    await expectRefused(
      api,
      UPDATE,
      { input: { id: toGlobalId("Entity", "00000000-0000-4000-8000-000000000000"), name: "Nobody" } },
      "input.id",
    );
  });
});

describe("deleteEntity and restoreEntity", () => {
  it("soft-deletes and restores", async () => {
    const entity = await makeEntity(api.db.prisma);
    const id = toGlobalId("Entity", entity.id);
    const deleted = await api.query<{ deleteEntity: Payload }>(
      `mutation($id: ID!) { deleteEntity(id: $id) { entity { deletedAt } errors { code } } }`,
      { id },
    );
    expect(deleted.deleteEntity.entity?.deletedAt).not.toBeNull();
    const listed = await api.query<{ entities: { nodes: { id: string }[] } }>(
      `query($s: String) { entities(filter: { search: $s }) { nodes { id } } }`,
      { s: entity.name },
    );
    expect(listed.entities.nodes).toEqual([]);
    await expectRefused(
      api,
      `mutation($id: ID!) { deleteEntity(id: $id) { entity { id name deletedAt } errors { code field message } } }`,
      { id },
      "id",
    );
    const restored = await api.query<{ restoreEntity: Payload }>(
      `mutation($id: ID!) { restoreEntity(id: $id) { entity { deletedAt } errors { code } } }`,
      { id },
    );
    expect(restored.restoreEntity.entity?.deletedAt).toBeNull();
    expect(await api.db.prisma.entity.count({ where: { id: entity.id } })).toBe(1);
  });
});

describe("mergeEntities and its undo", () => {
  const MERGE = `mutation($input: MergeEntitiesInput!) { mergeEntities(input: $input) { mergeId entity { id name } errors { code field message } } }`;
  const UNDO = `mutation($input: UndoMergeEntitiesInput!) { undoMergeEntities(input: $input) { entity { id name } errors { code field message } } }`;

  it("moves deals, claims and aliases onto the target, and undo puts them back", async () => {
    const prisma = api.db.prisma;
    const target = await makeEntity(prisma, { name: uniqueName("Fictional Motors") });
    const source = await makeEntity(prisma, { name: uniqueName("Fictional Motors Duplicate") });
    const other = await makeEntity(prisma);
    const shared = await makeDeal(prisma, { parties: [target.id, source.id] });
    const own = await makeDeal(prisma, { parties: [source.id, other.id] });
    await prisma.entityAlias.create({ data: { entityId: source.id, name: uniqueName("FM"), type: "SHORT" } });
    const claim = await prisma.claim.create({
      data: { subjectId: source.id, predicate: "PARTNERS_WITH", valueKind: "ENTITY", objectId: other.id },
    });

    const merged = await api.query<{ mergeEntities: { mergeId: string; entity: { name: string } } }>(MERGE, {
      input: { sourceId: toGlobalId("Entity", source.id), targetId: toGlobalId("Entity", target.id) },
    });
    expect(merged.mergeEntities.entity.name).toBe(target.name);
    expect(await prisma.dealParticipant.count({ where: { entityId: source.id } })).toBe(0);
    expect(
      (await prisma.dealParticipant.findMany({ where: { dealId: own.id } })).map((p) => p.entityId).sort(),
    ).toEqual([other.id, target.id].sort());
    expect(await prisma.dealParticipant.count({ where: { dealId: shared.id } })).toBe(1);
    expect((await prisma.claim.findUnique({ where: { id: claim.id } }))?.subjectId).toBe(target.id);
    expect(await prisma.entityAlias.count({ where: { entityId: target.id, name: source.name } })).toBe(1);

    await expectRefused(
      api,
      MERGE,
      { input: { sourceId: toGlobalId("Entity", source.id), targetId: toGlobalId("Entity", target.id) } },
      "input.sourceId",
    );

    const undone = await api.query<{ undoMergeEntities: { entity: { name: string } } }>(UNDO, {
      input: { mergeId: merged.mergeEntities.mergeId },
    });
    expect(undone.undoMergeEntities.entity.name).toBe(source.name);
    expect(
      (await prisma.dealParticipant.findMany({ where: { entityId: source.id } })).map((p) => p.dealId).sort(),
    ).toEqual([own.id, shared.id].sort());
    expect((await prisma.claim.findUnique({ where: { id: claim.id } }))?.subjectId).toBe(source.id);
    expect(await prisma.entityAlias.count({ where: { entityId: target.id, name: source.name } })).toBe(0);
    expect((await prisma.entity.findUnique({ where: { id: source.id } }))?.mergedIntoId).toBeNull();

    await expectRefused(api, UNDO, { input: { mergeId: merged.mergeEntities.mergeId } }, "input.mergeId");
  });

  it("refuses merging an entity into itself or into another kind", async () => {
    const org = await makeEntity(api.db.prisma);
    const person = await makeEntity(api.db.prisma, { kind: "PERSON" });
    await expectRefused(
      api,
      MERGE,
      { input: { sourceId: toGlobalId("Entity", org.id), targetId: toGlobalId("Entity", org.id) } },
      "input.targetId",
    );
    await expectRefused(
      api,
      MERGE,
      { input: { sourceId: toGlobalId("Entity", person.id), targetId: toGlobalId("Entity", org.id) } },
      "input.targetId",
    );
    await expectRefused(api, UNDO, { input: { mergeId: "12x" } }, "input.mergeId");
  });
});
