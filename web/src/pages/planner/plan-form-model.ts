/**
 * The planning form's values (text as typed, numbers in the UI language's notation) and their check and
 * translation into the API's settings. The server checks the settings again; this names the field at once.
 */
import { z } from 'zod';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { parseLocalNumber, toInputText } from '../entry/number-input.js';
import type { ExcludedAreaRow, ImportedCandidateRow, PlanSettingsBody, PointOfInterestRow } from './planner-api.js';
import { DEFAULT_5G_RADIO } from '../../../../src/domain/planner/plan-settings.js';

export type LimitKind = 'sites' | 'budget' | 'phases';

/** The error keys under planner.errors. */
export type PlanFormErrorKey =
  | 'required'
  | 'number'
  | 'wholeNumber'
  | 'range'
  | 'phaseLimit'
  | 'phaseYear'
  | 'phaseYears'
  | 'noPhases'
  | 'noCandidates'
  | 'mandatoryExcluded';

/**
 * An issue's message: its key, then what the words need ('range|1|100'), since a form error carries one string.
 */
export function formError(key: PlanFormErrorKey, values: readonly (string | number)[] = []): string {
  return [key, ...values].join('|');
}

/** The key and values of an issue's message, for the form to word. */
export function readFormError(message: string): { key: PlanFormErrorKey; values: string[] } {
  const [key, ...values] = message.split('|');
  return { key: key as PlanFormErrorKey, values };
}

export interface PlanFormInput {
  name: string;
  /** The coverage run to plan on; '' for the server's default. */
  coverageRunId: string;
  limitKind: LimitKind;
  maxSites: string;
  budget: string;
  phases: { year: string; maxSites: string; budget: string }[];
  weightEconomicZone: string;
  weightBorder: string;
  borderSettlements: boolean;
  economicZoneSettlements: boolean;
  existingMastsUse: boolean;
  existingMastsCost: string;
  generatedUse: boolean;
  latticeKm: string;
  minSpacingKm: string;
  generatedCost: string;
  radioBandMhz: string;
  radioTxPowerDbm: string;
  radioHeightM: string;
  /** Rows read from the partner's file (checked by the server) and the file's name. */
  imported: ImportedCandidateRow[];
  importedFile: string | null;
  excludedAreas: ExcludedAreaRow[];
  excludedAreasFile: string | null;
  excludedMarginM: string;
  points: PointOfInterestRow[];
  pointsFile: string | null;
  mandatory: string;
  excluded: string;
  timeLimitS: string;
}

/** Codes typed as a list: commas, semicolons or white space between them; repeats dropped. */
export function parseCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

/** The form's defaults: those of the API's settings, numbers written as the language writes them. */
export function planFormDefaults(lang: Lang, firstYear: number): PlanFormInput {
  const n = (value: number) => toInputText(value, lang);
  return {
    name: '',
    coverageRunId: '',
    limitKind: 'sites',
    maxSites: '20',
    budget: '',
    phases: [{ year: String(firstYear), maxSites: '10', budget: '' }],
    weightEconomicZone: n(1),
    weightBorder: n(1),
    borderSettlements: false,
    economicZoneSettlements: false,
    existingMastsUse: true,
    existingMastsCost: n(1),
    generatedUse: true,
    latticeKm: n(2),
    minSpacingKm: n(1.5),
    generatedCost: n(2),
    radioBandMhz: n(DEFAULT_5G_RADIO.bandMhz),
    radioTxPowerDbm: n(DEFAULT_5G_RADIO.txPowerDbm),
    radioHeightM: n(DEFAULT_5G_RADIO.antennaHeightM),
    imported: [],
    importedFile: null,
    excludedAreas: [],
    excludedAreasFile: null,
    excludedMarginM: n(0),
    points: [],
    pointsFile: null,
    mandatory: '',
    excluded: '',
    timeLimitS: '60',
  };
}

interface NumberRule {
  min: number;
  max: number;
  integer?: boolean;
}

/** A typed number checked against its rule; null when blank, undefined (with an issue added) when wrong. */
function checkNumber(text: string, lang: Lang, rule: NumberRule, ctx: z.RefinementCtx): number | null | undefined {
  const value = parseLocalNumber(text, lang);
  const fail = (key: PlanFormErrorKey) => {
    ctx.addIssue({ code: 'custom', message: formError(key, key === 'range' ? [rule.min, rule.max] : []) });
    return undefined;
  };
  if (value === null) return null;
  if (value === 'invalid') return fail('number');
  if (rule.integer && !Number.isInteger(value)) return fail('wholeNumber');
  if (value < rule.min || value > rule.max) return fail('range');
  return value;
}

/** A number that must be given. */
const requiredNumber = (lang: Lang, rule: NumberRule) =>
  z.string().transform((text, ctx): number => {
    const value = checkNumber(text, lang, rule, ctx);
    if (value === null) ctx.addIssue({ code: 'custom', message: 'required' satisfies PlanFormErrorKey });
    return value ?? Number.NaN;
  });

/** A number that may be left blank (null). */
const optionalNumber = (lang: Lang, rule: NumberRule) =>
  z.string().transform((text, ctx): number | null => checkNumber(text, lang, rule, ctx) ?? null);

export function planFormSchema(lang: Lang) {
  const weight = requiredNumber(lang, { min: 0, max: 100 });
  const cost = requiredNumber(lang, { min: 0.000001, max: 1e9 });
  const siteCount = requiredNumber(lang, { min: 1, max: 100_000, integer: true });
  const budget = requiredNumber(lang, { min: 0.000001, max: 1e12 });
  return z
    .object({
      name: z.string().trim().min(1, 'required').max(120, 'range'),
      coverageRunId: z.string(),
      limitKind: z.enum(['sites', 'budget', 'phases']),
      maxSites: z.string(),
      budget: z.string(),
      phases: z.array(
        z
          .object({
            year: requiredNumber(lang, { min: 2025, max: 2100, integer: true }),
            maxSites: optionalNumber(lang, { min: 0, max: 100_000, integer: true }),
            budget: optionalNumber(lang, { min: 0, max: 1e12 }),
          })
          .refine((p) => p.maxSites !== null || p.budget !== null, { path: ['maxSites'], message: 'phaseLimit' }),
      ),
      weightEconomicZone: weight,
      weightBorder: weight,
      borderSettlements: z.boolean(),
      economicZoneSettlements: z.boolean(),
      existingMastsUse: z.boolean(),
      existingMastsCost: cost,
      generatedUse: z.boolean(),
      latticeKm: requiredNumber(lang, { min: 0.2, max: 50 }),
      minSpacingKm: requiredNumber(lang, { min: 0, max: 50 }),
      generatedCost: cost,
      // The API's ranges (PlanRadioSchema).
      radioBandMhz: requiredNumber(lang, { min: 450, max: 7125 }),
      radioTxPowerDbm: requiredNumber(lang, { min: 10, max: 60 }),
      radioHeightM: requiredNumber(lang, { min: 5, max: 200 }),
      // Rows the server read and checked already (it checks them again with the settings).
      imported: z.custom<ImportedCandidateRow[]>((rows) => Array.isArray(rows)),
      importedFile: z.string().nullable(),
      excludedAreas: z.custom<ExcludedAreaRow[]>((rows) => Array.isArray(rows)),
      excludedAreasFile: z.string().nullable(),
      excludedMarginM: requiredNumber(lang, { min: 0, max: 20_000 }),
      points: z.custom<PointOfInterestRow[]>((rows) => Array.isArray(rows)),
      pointsFile: z.string().nullable(),
      mandatory: z.string().transform(parseCodes),
      excluded: z.string().transform(parseCodes),
      timeLimitS: requiredNumber(lang, { min: 1, max: 3600 }),
    })
    .superRefine(
      (form, ctx) => {
        // Only the chosen limit is read; the others may hold anything.
        const limit = (field: 'maxSites' | 'budget') => {
          const parsed = (field === 'maxSites' ? siteCount : budget).safeParse(form[field]);
          if (!parsed.success)
            for (const issue of parsed.error.issues)
              ctx.addIssue({ code: 'custom', path: [field], message: issue.message });
        };
        if (form.limitKind === 'sites') limit('maxSites');
        if (form.limitKind === 'budget') limit('budget');
        if (form.limitKind === 'phases') {
          if (form.phases.length === 0) ctx.addIssue({ code: 'custom', path: ['phases'], message: 'noPhases' });
          const seen = new Set<number>();
          form.phases.forEach((phase, index) => {
            if (seen.has(phase.year))
              ctx.addIssue({ code: 'custom', path: ['phases', index, 'year'], message: 'phaseYears' });
            seen.add(phase.year);
          });
        }
        if (!form.existingMastsUse && !form.generatedUse && form.imported.length === 0)
          ctx.addIssue({ code: 'custom', path: ['generatedUse'], message: 'noCandidates' });
        const clash = form.mandatory.find((code) => form.excluded.includes(code));
        if (clash)
          ctx.addIssue({ code: 'custom', path: ['mandatory'], message: formError('mandatoryExcluded', [clash]) });
      },
      // Also when another field is wrong, so that one submit names every wrong field (not the limit only later).
      { when: () => true },
    );
}

export type PlanFormValues = z.output<ReturnType<typeof planFormSchema>>;

/** The checked form as the API's settings: only the chosen limit is sent. */
export function toPlanSettings(values: PlanFormValues, lang: Lang): PlanSettingsBody {
  const limit: Pick<PlanSettingsBody, 'maxSites' | 'budget' | 'phases'> =
    values.limitKind === 'phases'
      ? {
          phases: values.phases.map((p) => ({
            year: p.year,
            ...(p.maxSites !== null ? { maxSites: p.maxSites } : {}),
            ...(p.budget !== null ? { budget: p.budget } : {}),
          })),
        }
      : values.limitKind === 'sites'
        ? { maxSites: parseLocalNumber(values.maxSites, lang) as number }
        : { budget: parseLocalNumber(values.budget, lang) as number };
  return {
    name: values.name,
    ...(values.coverageRunId ? { coverageRunId: values.coverageRunId } : {}),
    ...limit,
    weights: { economicZone: values.weightEconomicZone, border: values.weightBorder },
    priorities: {
      borderSettlements: values.borderSettlements,
      economicZoneSettlements: values.economicZoneSettlements,
    },
    candidates: {
      existingMasts: { use: values.existingMastsUse, cost: values.existingMastsCost },
      generated: {
        use: values.generatedUse,
        latticeKm: values.latticeKm,
        minSpacingKm: values.minSpacingKm,
        cost: values.generatedCost,
        excludedAreas: values.excludedAreas,
        excludedMarginM: values.excludedMarginM,
      },
      imported: values.imported,
      radio: {
        ...DEFAULT_5G_RADIO,
        bandMhz: values.radioBandMhz,
        txPowerDbm: values.radioTxPowerDbm,
        antennaHeightM: values.radioHeightM,
      },
    },
    points: values.points,
    mandatory: values.mandatory,
    excluded: values.excluded,
    thresholdShare: 0.9,
    timeLimitS: values.timeLimitS,
  };
}
