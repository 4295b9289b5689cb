import { validateWithoutEval } from '@csp/domain/without-eval';

// Imported first by main.tsx: the domain's schemas are built as their modules load, and must be built eval-free.
validateWithoutEval();
