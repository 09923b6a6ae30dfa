import { gzipSync } from "node:zlib";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import type { Request, Response } from "express";

const DEFAULT_QUERY = `# Dealgraph: deals, entities and claims from news articles, with their evidence.
# Try: the Alibaba–BMW deal with its parties, markets, sectors and the quote behind it.
{
  deals(first: 5, filter: { regionCode: "142" }) {
    totalCount
    nodes {
      title
      type
      status
      announced { label }
      participants { role entity { name } }
      regions { code name }
      sectors { code name }
      claims { predicate evidence { quote start end article { title } } }
    }
  }
  dealStats(groupBy: REGION, regionLevel: CONTINENT) { key label count }
}
`;

let page: { html: string; gzip: Buffer } | undefined;

/** GraphiQL served from the bundled assets of @graphql-yoga/render-graphiql: no CDN, works offline. */
export function serveGraphiQL(req: Request, res: Response) {
  if (!page) {
    const html = renderGraphiQL({
      endpoint: "/graphql",
      title: "Dealgraph API",
      defaultQuery: DEFAULT_QUERY,
      // dealAdded runs over graphql-ws on the same path; the Headers tab's Authorization travels
      // as connectionParams.
      subscriptionsProtocol: "WS",
    });
    page = { html, gzip: gzipSync(html) };
  }
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "no-cache");
  res.setHeader("Vary", "Accept-Encoding");
  if (req.acceptsEncodings("gzip")) {
    res.setHeader("Content-Encoding", "gzip");
    res.end(page.gzip);
  } else {
    res.end(page.html);
  }
}

/** A browser opening /graphql asks for HTML and sends no query: give it the playground. */
export function wantsPlayground(req: Request): boolean {
  return req.method === "GET" && !req.query.query && req.accepts(["application/json", "text/html"]) === "text/html";
}
