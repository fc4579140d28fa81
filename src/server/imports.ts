import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMPORT_LIMIT } from './work-limits.js';
import { ImportReportSchema } from './import-report-schema.js';
import { importFile } from '../application/import-file.js';
import { listIndicators } from '../db/indicators.js';
import { findUnit, unitsAtLevelBelow } from '../db/org-units.js';
import { buildTemplateCsv, buildTemplateXlsx } from '../intake/templates.js';
import { Invalid } from '../domain/errors.js';
import { PeriodCode, UnitCode } from './params.js';
import { requestLanguage } from './problem.js';
import { writeContext } from './request-context.js';
import { readFilePart } from './uploaded-file.js';

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/imports/template',
    {
      config: { permission: 'data.read' },
      schema: {
        summary: 'A fill-in template (XLSX or CSV): one row per unit, one column per indicator',
        tags: ['intake'],
        querystring: z.object({
          unit: UnitCode.describe('Units at the indicators’ reporting level below this one get a row'),
          period: PeriodCode,
          area: z.string().max(16).optional().describe('Only this cooperation area’s indicators'),
          indicators: z.string().max(2000).optional().describe('Comma-separated indicator codes'),
          format: z.enum(['xlsx', 'csv']).default('xlsx'),
          lang: z.enum(['vi', 'en']).default('vi'),
        }),
        response: {
          200: {
            description: 'The template, as an attachment',
            content: {
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: z.unknown().meta({ type: 'string', format: 'binary' }),
              },
              'text/csv': { schema: z.unknown().meta({ type: 'string' }) },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const { unit: unitCode, period, area, indicators: codes, format, lang } = request.query;
      const unit = await findUnit(app.db, unitCode);
      const wanted = codes ? new Set(codes.split(',').map((c) => c.trim())) : null;
      const all = (await listIndicators(app.db, { area })).filter((i) => i.formula === null);
      const indicators = all.filter((i) => !wanted || wanted.has(i.code));
      if (wanted) {
        const unknown = [...wanted].filter((code) => !all.some((i) => i.code === code));
        if (unknown.length)
          throw new Invalid('template.indicators', `Unknown or computed indicators: ${unknown.join(', ')}`);
      }
      const level = indicators[0]?.reportingLevel;
      if (!level || indicators.some((i) => i.reportingLevel !== level)) {
        throw new Invalid(
          'template.level',
          'A template holds indicators reported at one level; choose indicators (or an area) reported per commune, or per province',
        );
      }
      const units = await templateUnits(unit.id, level);
      const input = { indicators, units, period, lang };
      const name = `dx-compact-${unit.code}-${period}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(Buffer.from(buildTemplateCsv(input)));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(Buffer.from(await buildTemplateXlsx(input)));
    },
  );

  async function templateUnits(unitId: number, level: 'nation' | 'province' | 'commune') {
    const leaves = await unitsAtLevelBelow(app.db, unitId, level);
    const names = await app.db.query<{ code: string; nameVi: string }>(
      'select code, name_vi as "nameVi" from org_unit where code = any($1::text[]) order by name_vi, code',
      [leaves.map((l) => l.code)],
    );
    return names;
  }

  app.post(
    '/api/imports',
    {
      config: { permission: 'value.import', workLimit: IMPORT_LIMIT },
      schema: {
        summary: 'Upload a CSV or XLSX of values: preview every problem, or commit the whole file',
        description:
          'multipart/form-data with a `file` field (and optionally `period` for a file with one column per indicator, `locale` vi|en|auto, `replace=true` to replace stored values of another period type that the file overlaps). ' +
          'mode=preview (default) lists every bad row by file, row, column, stable code and parameters (worded in the language of Accept-Language), ' +
          'and each value as new, changed (old → new) or unchanged against the stored ones; changes to approved periods and failed cross-indicator rules are row errors too. ' +
          'mode=commit writes the new and changed values in one transaction, or nothing when any row is bad (422 with every error).',
        tags: ['intake'],
        querystring: z.object({ mode: z.enum(['preview', 'commit']).default('preview') }),
        consumes: ['multipart/form-data'],
        response: { 200: ImportReportSchema, 201: ImportReportSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new Invalid('import.multipart', 'Send the file as multipart/form-data in a field named "file"');
      let file: { name: string; bytes: Uint8Array } | null = null;
      const fields: Record<string, string> = {};
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file')
            throw new Invalid('import.field', `Unexpected file field "${part.fieldname}"; use "file"`);
          // Held up to the inflated-size limit only: a larger CSV or workbook is refused as it arrives.
          const read = await readFilePart(part);
          file = { name: part.filename || 'upload', bytes: read.bytes };
        } else {
          fields[part.fieldname] = String(part.value);
        }
      }
      if (!file) throw new Invalid('import.no_file', 'No file was sent: add a field named "file"');
      const period = fields.period?.trim() || null;
      if (period !== null && !PeriodCode.safeParse(period).success) {
        throw new Invalid('import.period', `"${period}" is not a period: use 2025, 2025Q3 or 2025-09`, [
          { path: 'period', message: 'invalid' },
        ]);
      }
      const locale = fields.locale === 'vi' || fields.locale === 'en' ? fields.locale : 'auto';
      const report = await importFile(
        app.db,
        request.actor,
        file,
        {
          period,
          locale,
          mode: request.query.mode,
          replaceOverlapping: fields.replace === 'true',
          signal: request.clientGone,
          language: requestLanguage(request),
        },
        writeContext(request, 'import'),
      );
      return reply.code(report.committed ? 201 : 200).send(report);
    },
  );
};
