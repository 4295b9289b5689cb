import { useCallback, useState } from 'react';

/**
 * The width a chart has on screen, at most `preferred`: charts lay themselves out in real pixels for it, so their
 * labels keep a readable size on a phone instead of the whole drawing being scaled down to fit. Without a
 * ResizeObserver (server rendering, jsdom) the chart keeps its preferred width.
 */
export function useChartWidth(preferred: number): [(node: HTMLElement | null) => () => void, number] {
  const [width, setWidth] = useState(preferred);
  const ref = useCallback(
    (node: HTMLElement | null) => {
      if (!node || typeof ResizeObserver === 'undefined') return () => undefined;
      const observer = new ResizeObserver(([entry]) => {
        const seen = Math.floor(entry?.contentRect.width ?? 0);
        if (seen > 0) setWidth(Math.min(preferred, seen));
      });
      observer.observe(node);
      return () => observer.disconnect();
    },
    [preferred],
  );
  return [ref, width];
}
