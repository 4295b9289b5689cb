/**
 * Turns on the event loop, taken in rounds by consultancy rather than by request. A request that has worked for a
 * slice (request-budget.ts) waits here for its consultancy's next turn; each round wakes one waiting request per
 * consultancy, and rounds run once per event-loop iteration, after the I/O of every other request has been served.
 * So a consultancy with eight heavy requests in flight gets one slice per round, as does one with a single light
 * request: the second no longer waits behind the first one's whole queue.
 */
const waiting = new Map<string, (() => void)[]>();
let roundScheduled = false;

export function nextTurn(group: string): Promise<void> {
  return new Promise((resume) => {
    const queue = waiting.get(group);
    if (queue) queue.push(resume);
    else waiting.set(group, [resume]);
    if (!roundScheduled) {
      roundScheduled = true;
      setImmediate(round);
    }
  });
}

function round() {
  roundScheduled = false;
  for (const [group, queue] of waiting) {
    const resume = queue.shift();
    if (!queue.length) waiting.delete(group);
    resume?.();
  }
  if (waiting.size && !roundScheduled) {
    roundScheduled = true;
    setImmediate(round);
  }
}
