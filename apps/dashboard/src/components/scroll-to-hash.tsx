"use client";

import { useEffect } from "react";

/**
 * Scrolls to the element the URL's #fragment names once the page has streamed in: the browser's own
 * fragment scroll runs before streamed content (behind the loading state) exists.
 */
export function ScrollToHash() {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    document.getElementById(id)?.scrollIntoView({ block: "center" });
  }, []);
  return null;
}
