import { config } from 'zod';

/**
 * Zod compiles fast object parsers with `new Function` when it may. Under the portal's Content-Security-Policy
 * (no 'unsafe-eval') its probe for that is refused, and the browser reports each refusal as a policy violation,
 * although Zod then carries on without. Called before any schema is built, it parses without the probe; the API,
 * which has no such policy, keeps the compiled parsers.
 */
export function validateWithoutEval(): void {
  config({ jitless: true });
}
