import { Invalid } from '../errors.js';
import { CoverageCriterionSchema, type CoverageCriterion } from './location-variability.js';

/**
 * A coverage criterion as the API field or CLI flag gives it: `median`; a reliability alone (`0.9`, `90%`,
 * `98 %`) with the default σ; or the JSON object (`{"kind":"reliability","reliability":0.98,"sigmaDb":{"urban":10}}`).
 * Throws Invalid (coverage.criterion) naming what is wrong.
 */
export function readCoverageCriterion(text: string): CoverageCriterion {
  const trimmed = text.trim();
  let value: unknown;
  if (trimmed === '' || trimmed.toLowerCase() === 'median') value = { kind: 'median' };
  else if (trimmed.startsWith('{')) {
    try {
      value = JSON.parse(trimmed);
    } catch {
      throw invalid('is not valid JSON');
    }
  } else {
    const match = /^(\d+(?:[.,]\d+)?)\s*(%?)$/.exec(trimmed);
    if (!match) throw invalid(`"${trimmed}" is neither median, a reliability (0.9 or 90 %) nor a JSON criterion`);
    const number = Number(match[1]!.replace(',', '.'));
    value = { kind: 'reliability', reliability: match[2] ? number / 100 : number };
  }
  const parsed = CoverageCriterionSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(`${issue.path.join('.') || 'kind'}: ${issue.message}`);
  }
  return parsed.data;
}

function invalid(message: string): Invalid {
  const text = `coverageCriterion ${message}; e.g. median, 0.9, 98 % or {"kind":"reliability","reliability":0.9,"sigmaDb":{"urban":8,"suburban":8,"rural":8}}`;
  return new Invalid('coverage.criterion', text, [{ path: 'coverageCriterion', message }]);
}
