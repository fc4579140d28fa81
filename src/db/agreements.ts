import type { Queryable } from './database.js';
import { NotFound } from '../domain/errors.js';

export interface AgreementSummary {
  id: number;
  code: string;
  titleVi: string;
  titleEn: string;
  signedOn: string | null;
  periodFrom: number;
  periodTo: number;
  provinceCode: string | null;
  source: string | null;
}

export interface AgreementDetail extends AgreementSummary {
  parties: { code: string; role: 'province' | 'partner'; nameVi: string; nameEn: string }[];
  areas: { code: string; position: number; nameVi: string; nameEn: string }[];
  commitments: {
    id: number;
    areaCode: string | null;
    ownerParty: string;
    textVi: string;
    textEn: string;
    dueDate: string | null;
    status: 'planned' | 'in_progress' | 'done' | 'cancelled';
  }[];
}

const SELECT_AGREEMENT = `
  select a.id, a.code, a.title_vi as "titleVi", a.title_en as "titleEn", to_char(a.signed_on, 'YYYY-MM-DD') as "signedOn",
         a.period_from as "periodFrom", a.period_to as "periodTo", u.code as "provinceCode", a.source
  from agreement a left join org_unit u on u.id = a.province_unit_id`;

export async function listAgreements(db: Queryable): Promise<AgreementSummary[]> {
  return db.query<AgreementSummary & Record<string, unknown>>(
    `${SELECT_AGREEMENT} order by a.signed_on desc nulls last, a.code`,
  );
}

/** The agreement covering a province (or any unit below it), if one was signed. */
export async function findAgreementForProvince(db: Queryable, provinceCode: string): Promise<AgreementSummary | null> {
  const [row] = await db.query<AgreementSummary & Record<string, unknown>>(
    `${SELECT_AGREEMENT} where u.code = $1 order by a.signed_on desc nulls last limit 1`,
    [provinceCode],
  );
  return row ?? null;
}

export async function findAgreement(db: Queryable, code: string): Promise<AgreementDetail> {
  const [agreement] = await db.query<AgreementSummary & Record<string, unknown>>(
    `${SELECT_AGREEMENT} where a.code = $1`,
    [code],
  );
  if (!agreement) throw new NotFound('agreement.not_found', `No agreement has the code "${code}"`, undefined, { code });
  const parties = await db.query<AgreementDetail['parties'][number] & Record<string, unknown>>(
    `select code, role, name_vi as "nameVi", name_en as "nameEn" from agreement_party where agreement_id = $1 order by role desc, code`,
    [agreement.id],
  );
  const areas = await db.query<AgreementDetail['areas'][number] & Record<string, unknown>>(
    `select code, position, name_vi as "nameVi", name_en as "nameEn" from agreement_area where agreement_id = $1 order by position`,
    [agreement.id],
  );
  const commitments = await db.query<AgreementDetail['commitments'][number] & Record<string, unknown>>(
    `select c.id, a.code as "areaCode", c.owner_party as "ownerParty", c.text_vi as "textVi", c.text_en as "textEn",
            to_char(c.due_date, 'YYYY-MM-DD') as "dueDate", c.status
     from commitment c left join agreement_area a on a.id = c.area_id
     where c.agreement_id = $1 order by c.id`,
    [agreement.id],
  );
  return { ...agreement, parties, areas, commitments };
}
