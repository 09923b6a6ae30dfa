"use client";

import { useEffect, type RefObject } from "react";

const LAYER_SELECTOR = 'svg g[class*="recharts-zIndex-layer"]:not([tabindex])';

/**
 * Recharts renders into z-index layers through React portals, and React listens for focus events on
 * every portal container. Chromium makes an SVG <g> with focus listeners keyboard-focusable, so each
 * empty layer would become a tab stop between the bar links. Takes them out of the tab order
 * (tabindex=-1), also for layers recharts adds later, e.g. on hover.
 */
export function useUntabbableLayers(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const mark = () => {
      for (const layer of root.querySelectorAll(LAYER_SELECTOR)) layer.setAttribute("tabindex", "-1");
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [container]);
}
