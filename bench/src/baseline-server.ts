import http from "node:http";
import pg from "pg";
import { OPS } from "./ops.ts";
import { loadTaxonomy } from "./plain-sql.ts";

/**
 * The plain baseline: node:http + a pg Pool, one route per operation (`POST /op/<name>` with the
 * GraphQL request's `{ variables }`), answering the same JSON the API answers.
 */
export async function startBaselineServer(
  databaseUrl: string,
  port = 0,
): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  pool.on("error", () => {});
  const taxonomy = await loadTaxonomy(pool);
  const server = http.createServer((req, res) => {
    const op = OPS[(req.url ?? "").replace(/^\/op\//, "")];
    if (req.method !== "POST" || !op) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const { variables } = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as {
        variables?: Record<string, unknown>;
      };
      op(pool, taxonomy, variables ?? {}).then(
        (answer) => {
          const body = JSON.stringify(answer);
          res
            .writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) })
            .end(body);
        },
        (error: unknown) => {
          const body = JSON.stringify({
            errors: [{ message: error instanceof Error ? error.message : String(error) }],
          });
          res.writeHead(500, { "content-type": "application/json" }).end(body);
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${bound}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
