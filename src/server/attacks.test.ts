import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/fixtures/test-app.js';
import { applyActorScope } from '../application/transaction-as.js';
import { actorForAccount } from '../application/auth/actors.js';
import { findAccount } from '../db/accounts.js';
import { verifyAudit } from '../db/audit-log.js';

/** What an attacker, a careless partner system or a buggy route might try: each is refused and writes nothing. */
const testApp = useTestApp();
let communeOfficer: Record<string, string>;
let viettel: Record<string, string>;

const count = async (sql: string) => (await testApp.db.query<{ n: number }>(sql))[0]!.n;
const values = () => count('select count(*)::int as n from indicator_value');
const auditRecords = () => count('select count(*)::int as n from audit_log');

const put = (headers: Record<string, string>, payload: object) =>
  testApp.inject({ method: 'PUT', url: '/api/indicator-values', headers, payload });

beforeAll(async () => {
  communeOfficer = await testApp.as({ username: 'can-bo-c1', role: 'commune_officer', units: ['C1'], party: 'GL' });
  viettel = await testApp.as({ username: 'viettel-p1', role: 'partner_officer', units: ['P1'], party: 'VTL' });
  await testApp.db.query(`update indicator set reporting_party = 'VTL' where code = 'SITES'`);
  await testApp.db.query(`update indicator set reporting_party = 'GL' where code in ('FILINGS', 'COV')`);
});

describe('writing outside one’s units or party (IDOR)', () => {
  it('lets a commune officer write their commune, and nothing in another', async () => {
    expect(
      (await put(communeOfficer, { indicator: 'FILINGS', unit: 'C1', period: '2025-01', value: 3 })).statusCode,
    ).toBe(201);
    const before = await values();
    const other = await put(communeOfficer, { indicator: 'FILINGS', unit: 'C2', period: '2025-01', value: 3 });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'auth.unit_scope', detail: expect.stringContaining('C2') });
    expect(await values()).toBe(before);
  });

  it('refuses a whole batch with one value outside, naming it', async () => {
    const before = { values: await values(), audit: await auditRecords() };
    const response = await testApp.inject({
      method: 'POST',
      url: '/api/indicator-values/batch',
      headers: { ...communeOfficer, 'idempotency-key': 'idor-batch-01' },
      payload: {
        values: [
          { indicator: 'FILINGS', unit: 'C1', period: '2025-02', value: 1 },
          { indicator: 'FILINGS', unit: 'C3', period: '2025-02', value: 1 },
        ],
      },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().errors).toEqual([{ path: 'C3', message: 'outside the units assigned' }]);
    expect({ values: await values(), audit: await auditRecords() }).toEqual(before);
  });

  it('keeps a party’s staff to the indicators their party reports', async () => {
    expect((await put(viettel, { indicator: 'SITES', unit: 'C2', period: '2025-01', value: 4 })).statusCode).toBe(201);
    const foreign = await put(viettel, { indicator: 'FILINGS', unit: 'C2', period: '2025-01', value: 4 });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('auth.party_scope');
    const province = await put(communeOfficer, { indicator: 'SITES', unit: 'C1', period: '2025-01', value: 4 });
    expect(province.json().code).toBe('auth.party_scope');
  });

  it('refuses what the role may not do at all, whatever the unit', async () => {
    const viewer = await testApp.as({ role: 'viewer' });
    const response = await put(viewer, { indicator: 'FILINGS', unit: 'C1', period: '2025-03', value: 1 });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('auth.forbidden');
    const anonymous = await testApp.app.inject({
      method: 'PUT',
      url: '/api/indicator-values',
      payload: { indicator: 'FILINGS', unit: 'C1', period: '2025-03', value: 1 },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('auth.required');
  });
});

describe('row-level security holds where a route would not', () => {
  it('a deliberately unscoped update run as a commune officer changes only their commune', async () => {
    await put(testApp.admin, { indicator: 'COV', unit: 'C2', period: '2025-04', value: 50 });
    await put(testApp.admin, { indicator: 'COV', unit: 'C1', period: '2025-04', value: 50 });
    const actor = actorForAccount((await findAccount(testApp.db, 'can-bo-c1'))!);
    const changed = await testApp.db.transaction(async (tx) => {
      await applyActorScope(tx, actor);
      return tx.query<{ unit: number }>(`update indicator_value set value = 0 returning org_unit_id as unit`);
    });
    const c1 = await count(`select id as n from org_unit where code = 'C1'`);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((row) => row.unit === c1)).toBe(true);
    expect(
      await count(
        `select count(*)::int as n from indicator_value v join org_unit u on u.id = v.org_unit_id where u.code <> 'C1' and v.value = 0`,
      ),
    ).toBe(0);
    const deleted = await testApp.db
      .transaction(async (tx) => {
        await applyActorScope(tx, actor);
        const rows = await tx.query('delete from indicator_value returning 1');
        throw Object.assign(new Error('roll back'), { rows: rows.length });
      })
      .catch((error: { rows: number }) => error.rows);
    expect(deleted).toBe(await count(`select count(*)::int as n from indicator_value where org_unit_id = ${c1}`));
  });
});

describe('cross-site requests (CSRF)', () => {
  const entry = { indicator: 'FILINGS', unit: 'C1', period: '2025-05', value: 1 };

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const response = await testApp.inject({
      method: 'PUT',
      url: '/api/indicator-values',
      headers: { cookie: testApp.admin.cookie! },
      payload: entry,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('auth.csrf');
  });

  it('refuses a write from a foreign Origin, even with the token', async () => {
    const response = await put({ ...testApp.admin, origin: 'https://evil.example' }, entry);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('auth.cross_site');
  });

  it('refuses a cross-site multipart form post (what a hostile page can send)', async () => {
    const form = new FormData();
    form.append('file', new Blob(['indicator,unit,period,value\nFILINGS,C1,2025-06,9\n']), 'x.csv');
    const request = new Request('http://local/', { method: 'POST', body: form });
    const before = await values();
    const response = await testApp.inject({
      method: 'POST',
      url: '/api/imports?mode=commit',
      headers: {
        cookie: testApp.admin.cookie!,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
        'content-type': request.headers.get('content-type')!,
      },
      payload: Buffer.from(await request.arrayBuffer()),
    });
    expect(response.statusCode).toBe(403);
    expect(await values()).toBe(before);
  });

  it('refuses a forged sign-in from another site', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { username: 'x', password: 'y' },
    });
    expect(response.json().code).toBe('auth.cross_site');
  });

  it('accepts the same write from the app itself', async () => {
    expect((await put({ ...testApp.admin, origin: 'http://localhost:80' }, entry)).statusCode).toBe(201);
  });
});

describe('sessions', () => {
  it('ignores a session id the client made up (no fixation) and answers as anonymous', async () => {
    const response = await testApp.app.inject({
      url: '/api/auth/me',
      headers: { cookie: 'dx_session=attacker-chosen-session-id-000000000' },
    });
    expect(response.json()).toMatchObject({ signedIn: false });
  });
});

describe('API tokens', () => {
  let token = '';
  let tokenId = 0;

  beforeAll(async () => {
    const created = await testApp.inject({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'Viettel sync', party: 'VTL', units: ['C1'], permissions: ['value.import', 'data.read'] },
    });
    expect(created.statusCode).toBe(201);
    ({ token } = created.json());
    tokenId = created.json().info.id;
  });

  const batch = (bearer: string, unit: string, key: string) =>
    testApp.app.inject({
      method: 'POST',
      url: '/api/indicator-values/batch',
      headers: { authorization: `Bearer ${bearer}`, 'idempotency-key': key },
      payload: { values: [{ indicator: 'SITES', unit, period: '2025-07', value: 2 }] },
    });

  it('is shown once and stored only as a hash', async () => {
    expect(token).toMatch(/^dxc_[0-9a-f]{12}_/);
    const stored = JSON.stringify(await testApp.db.query('select * from api_token'));
    // The secret is what follows the prefix (it may hold '_' itself, being base64url).
    expect(stored).not.toContain(token.slice('dxc_'.length + 13));
  });

  it('writes within its units and permissions, needs no CSRF token, and records its last use', async () => {
    const response = await batch(token, 'C1', 'token-batch-01');
    expect(response.statusCode).toBe(200);
    const [row] = await testApp.db.query<{ used: boolean }>(
      'select last_used_at is not null as used from api_token where id = $1',
      [tokenId],
    );
    expect(row!.used).toBe(true);
    const history = await testApp.inject({
      url: '/api/indicator-values/history?indicator=SITES&unit=C1&period=2025-07',
    });
    expect(history.json()[0].actor).toMatch(/^token:[0-9a-f]{12} Viettel sync$/);
  });

  it('is refused outside its units and its permissions', async () => {
    expect((await batch(token, 'C2', 'token-batch-02')).json().code).toBe('auth.unit_scope');
    const approve = await testApp.app.inject({
      method: 'POST',
      url: '/api/approvals/submit',
      headers: { authorization: `Bearer ${token}` },
      payload: { unit: 'C1', period: '2025-07' },
    });
    expect(approve.statusCode).toBe(403);
  });

  it('stops working once expired or revoked, and a forged one never works', async () => {
    await testApp.db.query(`update api_token set expires_at = now() - interval '1 second' where id = $1`, [tokenId]);
    expect((await batch(token, 'C1', 'token-batch-03')).json().code).toBe('auth.token_expired');
    await testApp.db.query(`update api_token set expires_at = now() + interval '1 day' where id = $1`, [tokenId]);
    expect((await testApp.inject({ method: 'POST', url: `/api/tokens/${tokenId}/revoke` })).statusCode).toBe(200);
    expect((await batch(token, 'C1', 'token-batch-04')).json().code).toBe('auth.token_revoked');
    const forged = `${token.slice(0, -4)}AAAA`;
    expect((await batch(forged, 'C1', 'token-batch-05')).json().code).toBe('auth.token_invalid');
  });
});

describe('separation of duties', () => {
  it('refuses an approval by whoever submitted or entered the data', async () => {
    const submitter = await testApp.as({ username: 'submitter', role: 'province_officer', units: ['P1'] });
    const enterer = await testApp.as({ username: 'enterer', role: 'province_officer', units: ['P1'] });
    await put(enterer, { indicator: 'FILINGS', unit: 'C3', period: '2025-08', value: 2 });
    const step = (headers: Record<string, string>, action: string) =>
      testApp.inject({
        method: 'POST',
        url: `/api/approvals/${action}`,
        headers,
        payload: { unit: 'C3', period: '2025-08' },
      });
    expect((await step(submitter, 'submit')).statusCode).toBe(200);
    for (const who of [submitter, enterer]) {
      const refused = await step(who, 'approve');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('approval.same_person');
    }
    expect((await step(testApp.approver, 'approve')).json()).toMatchObject({ status: 'approved' });
  });
});

describe('injection in text fields', () => {
  const nasty = [
    `'); drop table indicator_value; --`,
    `<script>alert(document.cookie)</script>`,
    `" onmouseover="alert(1)`,
    `\\x27 or 1=1 --`,
  ];

  it('stores comments verbatim as data, and every table is still there', async () => {
    for (const [i, comment] of nasty.entries()) {
      const response = await put(testApp.admin, {
        indicator: 'FILINGS',
        unit: 'C2',
        period: `2025-${String(9 + i).padStart(2, '0')}`,
        value: 1,
        comment,
      });
      expect(response.statusCode).toBe(201);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
    }
    const stored = await testApp.inject({
      url: '/api/indicator-values?indicator=FILINGS&unit=C2&from=2025-09&to=2025-12',
    });
    expect(stored.json().map((v: { comment: string }) => v.comment)).toEqual(nasty);
    expect(await count('select count(*)::int as n from indicator')).toBeGreaterThan(0);
  });

  it('refuses injection in codes and sign-in fields without a 500', async () => {
    for (const url of [
      `/api/rollup?indicator=${encodeURIComponent("SITES' or '1'='1")}&unit=P1&from=2025`,
      `/api/org-units/${encodeURIComponent("C1'; drop table org_unit; --")}`,
      `/api/indicators/${encodeURIComponent('<script>')}`,
    ]) {
      const response = await testApp.inject({ url });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
    }
    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.9.9.9',
      payload: { username: "admin' --", password: "' or 1=1 --" },
    });
    expect(login.statusCode).toBe(401);
  });

  it('leaves an audit chain that verifies', async () => {
    expect(await verifyAudit(testApp.db)).toMatchObject({ ok: true });
  });
});
