import type { ServiceEventKind, ThresholdUnit } from '@csp/domain';
import { percentOfStandard } from './percent';

/** A charter standard as the promise states it: "Calls answered within 20 seconds", target 90, unit "%". */
export interface StandardLike {
  metric: string;
  target: number;
  unit: string;
  description: string;
}

export interface DefinitionSuggestion {
  name: string;
  eventKind: ServiceEventKind;
  goodRule: string;
  threshold: { value: number; unit: ThresholdUnit } | null;
  /** As a percentage for the target field, '' when the standard's target is not a share. */
  targetPercent: string;
}

const UNITS: [RegExp, ThresholdUnit][] = [
  [/^(s|secs?|seconds?)$/i, 'SECONDS'],
  [/^(m|mins?|minutes?)$/i, 'MINUTES'],
  [/^(h|hrs?|hours?)$/i, 'HOURS'],
  [/^(d|days?|working days?|business days?)$/i, 'DAYS'],
];

const KINDS: [RegExp, ServiceEventKind][] = [
  [/\b(calls?|phone|rings?)\b/i, 'CALL'],
  [/\b(e-?mails?|letters?)\b/i, 'EMAIL'],
  [/\b(chats?|messages?)\b/i, 'CHAT'],
  [/\bcomplaints?\b/i, 'COMPLAINT'],
  [/\b(visits?|visitors?|appointments?)\b/i, 'VISIT'],
];

/**
 * A first draft of the definition from the standard it measures, for the consultant to check: the name is the
 * standard in one phrase, "within 20 seconds" becomes the rule "answered within" with its threshold, and the kind
 * of event is guessed from the words (calls, emails…). Nothing here is decided: every field stays editable.
 */
export function suggestDefinition(standard: StandardLike): DefinitionSuggestion {
  const metric = standard.metric.trim();
  const within = /^(.*?)\s*\b(within|in under|in less than|under)\s+(\d+(?:[.,]\d+)?)\s*([a-z ]+?)\s*$/i.exec(
    metric,
  );
  const unit = within ? UNITS.find(([pattern]) => pattern.test(within[4]!.trim()))?.[1] : undefined;
  const eventKind = KINDS.find(([pattern]) => pattern.test(metric))?.[1] ?? 'OTHER';
  const goodRule =
    within && unit ? `${withoutEventWord(within[1]!)} ${within[2]!.toLowerCase()}`.trim() : metric;
  return {
    name: standard.description.trim() || metric,
    eventKind,
    goodRule,
    threshold: within && unit ? { value: Number(within[3]!.replace(',', '.')), unit } : null,
    targetPercent: percentOfStandard(standard),
  };
}

/**
 * "Calls answered" → "answered": the kind of event says "Calls", the rule what makes one good, and the two read
 * together as one phrase ("Calls answered within 20 seconds, 90 % each week").
 */
function withoutEventWord(text: string): string {
  const rest = text.replace(
    /^(all\s+)?(calls?|e-?mails?|chats?|messages?|complaints?|visits?|letters?)\s+/i,
    '',
  );
  return rest === text ? text : rest.charAt(0).toLowerCase() + rest.slice(1);
}
