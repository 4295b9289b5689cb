import type { AuditFramework } from '../framework.js';
import { AEIOU_VALUES_FRAMEWORK } from './aeiou-values.js';
import { DIME_MATURITY_FRAMEWORK } from './dime-maturity.js';
import { FIVE_OBSTACLES_FRAMEWORK } from './five-obstacles.js';
import { FOUR_REWARDS_FRAMEWORK } from './four-rewards.js';
import { MIND_FOR_SERVICE_FRAMEWORK } from './mind-for-service.js';
import { SERVICE_FUTURE_FRAMEWORK } from './service-future.js';
import { SERVICE_METHODOLOGY_FRAMEWORK } from './service-methodology.js';

export const BUILT_IN_FRAMEWORK_KEYS = [
  'aeiou-values',
  'five-obstacles',
  'four-rewards',
  'dime-maturity',
  'service-methodology',
  'mind-for-service',
  'service-future',
] as const;
export type BuiltInFrameworkKey = (typeof BUILT_IN_FRAMEWORK_KEYS)[number];

/**
 * Frozen because the same objects are shared by every request in the API; a consultancy that wants changes works
 * on a copy (see `copyFramework`).
 */
export const BUILT_IN_FRAMEWORKS: readonly AuditFramework[] = [
  AEIOU_VALUES_FRAMEWORK,
  FIVE_OBSTACLES_FRAMEWORK,
  FOUR_REWARDS_FRAMEWORK,
  DIME_MATURITY_FRAMEWORK,
  SERVICE_METHODOLOGY_FRAMEWORK,
  MIND_FOR_SERVICE_FRAMEWORK,
  SERVICE_FUTURE_FRAMEWORK,
].map(deepFreeze);

export function isBuiltInFrameworkKey(key: string): key is BuiltInFrameworkKey {
  return (BUILT_IN_FRAMEWORK_KEYS as readonly string[]).includes(key);
}

export function builtInFramework(key: string): AuditFramework | undefined {
  return BUILT_IN_FRAMEWORKS.find((framework) => framework.key === key);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
