"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import type { ChartBucket } from "./chart-types";

/** How far ahead of the viewport the chart starts loading, so it is usually drawn before it scrolls in. */
const LOAD_AHEAD = "300px 0px";

function ChartPlaceholder({ height }: { height: number }) {
  return (
    <div className="chart chart-placeholder" style={{ height }}>
      <noscript>
        <p>The chart needs JavaScript; the table below has the same figures.</p>
      </noscript>
    </div>
  );
}

const TimeChart = dynamic(() => import("./time-chart").then((module) => module.TimeChart), {
  ssr: false,
  loading: () => null,
});

/**
 * The time chart (recharts, the one chart here that earns a charting library: two axes and a tooltip)
 * loaded only when it comes near the viewport. Until then a placeholder of the same height holds its
 * place, so nothing shifts; the table alternative below it is server-rendered and always there.
 */
export function LazyTimeChart({ data, height = 280 }: { data: readonly ChartBucket[]; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element || near) return;
    if (typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: LOAD_AHEAD },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);

  return (
    <div ref={box} style={{ minHeight: height }}>
      {near ? <TimeChart data={data} height={height} /> : <ChartPlaceholder height={height} />}
    </div>
  );
}
