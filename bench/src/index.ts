import { parseArgs } from "node:util";
import { generate } from "./generate.ts";
import { runBenchmark } from "./run.ts";

const USAGE = `npm run bench -- [options]

  --scale <s>        corpus scale: 0.01, 0.1 or 1 (default 1 = 50k articles, 100k entities, 1M claims, 100k deals)
  --regenerate       rebuild the corpus even when the database already holds that scale
  --generate-only    build the corpus, measure nothing
  --only <text>      run only scenarios whose name contains the text (comma-separated for several)
  --duration <s>     seconds per autocannon repeat (default 5)
  --repeats <n>      autocannon repeats per scenario (default 3); the medians are reported
  --connections <n>  autocannon concurrency (default 10)
  --serial <n>       sequential requests for the c=1 latency and raw-SQL timings (default 100)
  --no-rollup-cache  run the API with its rollup answer cache off (ROLLUP_CACHE_ENTRIES=0): every
                     aggregate computed from the rollups on every request; results in <scale>.cold.*
  --help`;

function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "1" },
      regenerate: { type: "boolean", default: false },
      "generate-only": { type: "boolean", default: false },
      only: { type: "string" },
      duration: { type: "string", default: "5" },
      repeats: { type: "string", default: "3" },
      connections: { type: "string", default: "10" },
      serial: { type: "string", default: "100" },
      "no-rollup-cache": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return null;
  }
  const scale = Number(values.scale);
  if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be in (0, 1], not "${values.scale}"\n\n${USAGE}`);
  const positive = (name: string, value: string) => {
    const n = Number(value);
    if (!(n > 0)) throw new Error(`--${name} must be a positive number, not "${value}"`);
    return n;
  };
  return {
    scale,
    regenerate: values.regenerate,
    generateOnly: values["generate-only"],
    only: values.only
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    durationSeconds: positive("duration", values.duration),
    repeats: Math.round(positive("repeats", values.repeats)),
    connections: Math.round(positive("connections", values.connections)),
    serialRuns: Math.round(positive("serial", values.serial)),
    rollupCache: !values["no-rollup-cache"],
  };
}

const options = main();
if (options) {
  const corpus = await generate({ scale: options.scale, regenerate: options.regenerate });
  if (!options.generateOnly) await runBenchmark({ ...options, corpus });
}
