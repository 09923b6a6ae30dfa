import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const monorepoRoot = fileURLToPath(new URL("../..", import.meta.url));

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  turbopack: { root: monorepoRoot },
  outputFileTracingRoot: monorepoRoot,
  // The live feed relay's WebSocket client runs from node_modules as is (ws must not be bundled).
  serverExternalPackages: ["ws", "graphql-ws"],
};

// Next.js requires the config as the default export.
export default nextConfig;
