import * as bcrypt from 'bcryptjs';
import { DataSource } from 'typeorm';
import { AN_LAO_UNITS, resolveUnits } from '@app/domain';
import { createDataSource, MIGRATIONS, seedCommune, UnitReadModel } from '@app/persistence';
import { migratedDatabase, type MigratedDatabase } from './support';
import { createTestDatabase } from '../support/services';

/** The commune's unit directory in PostgreSQL: what the parser reads plans with, and the rules its writes keep. */
describe('units read model (real PostgreSQL)', () => {
  let db: MigratedDatabase;
  let units: UnitReadModel;
  const commune = 'an-lao';

  beforeAll(async () => {
    db = await migratedDatabase();
    units = new UnitReadModel(db.ds);
    await seedCommune(db.ds, commune);
  });
  afterAll(() => db?.drop());

  it('is seeded with the An Lão directory: units of the commune first, in the plan’s order, then the outside bodies', async () => {
    const list = await units.list(commune);
    expect(list.filter((u) => u.kind === 'INTERNAL').map((u) => u.code)).toEqual(['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC']);
    expect(list.slice(5).every((u) => u.kind === 'EXTERNAL')).toBe(true);
    expect(list.find((u) => u.code === 'VHXH')).toEqual({
      code: 'VHXH',
      name: 'Phòng Văn hóa - Xã hội',
      aliases: AN_LAO_UNITS[1].aliases,
      kind: 'INTERNAL',
      reviewing: true,
    });
    expect(await units.reviewingUnit(commune)).toBe('VHXH');
    expect(await units.internalCodes(commune)).toEqual(['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC']);
    // The directory reads a cell exactly as the seed constant does.
    const cell = 'Văn phòng HĐND&UBND xã, Công an xã, Hội Nông dân';
    expect(resolveUnits(cell, await units.directory(commune))).toEqual(resolveUnits(cell, AN_LAO_UNITS));
  });

  it('seeding again keeps what the admin changed', async () => {
    await units.update(commune, 'KT', { name: 'Phòng Kinh tế - Hạ tầng', aliases: ['Phòng Kinh tế', 'Phòng KT'], kind: 'INTERNAL' });
    await seedCommune(db.ds, commune);
    expect((await units.find(commune, 'KT'))?.name).toBe('Phòng Kinh tế - Hạ tầng');
  });

  it('adds an outside body, and keeps a name a plan used as its variant (once)', async () => {
    const created = await units.create(commune, 'HND', { name: 'Hội Nông dân xã', aliases: ['Hội Nông dân xã', ' Hội  ND '], kind: 'EXTERNAL' });
    expect(created).toEqual({ ok: true, unit: { code: 'HND', name: 'Hội Nông dân xã', aliases: ['Hội ND'], kind: 'EXTERNAL', reviewing: false } });
    expect((await units.list(commune)).at(-1)?.code).toBe('HND');
    // "Hội Nông dân" is the name itself (without "xã"): nothing to keep.
    expect(await units.addAlias(commune, 'HND', 'Hội Nông dân')).toMatchObject({ ok: true, unit: { aliases: ['Hội ND'] } });
    expect(await units.addAlias(commune, 'HND', 'Hội Nông dân Việt Nam')).toMatchObject({ ok: true, unit: { aliases: ['Hội ND', 'Hội Nông dân Việt Nam'] } });
    expect(await units.addAlias(commune, 'HND', 'HỘI NÔNG DÂN VIỆT NAM')).toMatchObject({ ok: true, unit: { aliases: ['Hội ND', 'Hội Nông dân Việt Nam'] } });
    expect(resolveUnits('Phòng VH-XH, Hội Nông dân', await units.directory(commune))).toEqual({ codes: ['VHXH'], external: ['HND'], unresolved: [] });
  });

  it('refuses a spelling another unit answers to, a code taken, and an unknown unit', async () => {
    expect(await units.addAlias(commune, 'KT', 'Phòng VH - XH')).toEqual({ ok: false, reason: 'NAME_TAKEN', name: 'Phòng VH - XH', code: 'VHXH', as: 'Phòng VH-XH' });
    expect(await units.create(commune, 'VP', { name: 'Văn phòng khác', aliases: [], kind: 'INTERNAL' })).toEqual({ ok: false, reason: 'CODE_TAKEN' });
    expect(await units.update(commune, 'KHONG_CO', { name: 'Không có', aliases: [], kind: 'INTERNAL' })).toEqual({ ok: false, reason: 'NOT_FOUND' });
  });

  it('keeps exactly one reviewing unit, an internal one', async () => {
    const vhxh = (await units.find(commune, 'VHXH'))!;
    expect(await units.update(commune, 'VHXH', { ...vhxh, reviewing: false })).toEqual({ ok: false, reason: 'REVIEWING_REQUIRED' });
    expect(await units.update(commune, 'VHXH', { ...vhxh, kind: 'EXTERNAL' })).toEqual({ ok: false, reason: 'REVIEWING_INTERNAL' });
    expect(await units.update(commune, 'HND', { name: 'Hội Nông dân xã', aliases: [], kind: 'EXTERNAL', reviewing: true })).toEqual({
      ok: false,
      reason: 'REVIEWING_INTERNAL',
    });
    const vp = (await units.find(commune, 'VP'))!;
    expect(await units.update(commune, 'VP', { ...vp, reviewing: true })).toMatchObject({ ok: true, unit: { reviewing: true } });
    expect(await units.reviewingUnit(commune)).toBe('VP');
    expect((await units.find(commune, 'VHXH'))?.reviewing).toBe(false);
    await units.update(commune, 'VHXH', { ...vhxh, reviewing: true });
    expect(await units.reviewingUnit(commune)).toBe('VHXH');
  });

  it('keeps a unit people belong to internal', async () => {
    await db.ds.query(`INSERT INTO users (commune, username, full_name, unit_code, roles, password_hash) VALUES ($1, 'kt.nv', 'Nhân viên KT', 'KT', '{STAFF}', $2)`, [
      commune,
      await bcrypt.hash('x', 4),
    ]);
    const kt = (await units.find(commune, 'KT'))!;
    expect(await units.update(commune, 'KT', { ...kt, kind: 'EXTERNAL' })).toEqual({ ok: false, reason: 'IN_USE', users: 1, tasks: 0 });
  });

  it('two admins adding the same spelling to two units at once: one wins, the other is told', async () => {
    const results = await Promise.all([units.addAlias(commune, 'TTPVHCC', 'Bộ phận phục vụ'), units.addAlias(commune, 'TTDVSNC', 'Bộ phận phục vụ')]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.ok)).toMatchObject({ reason: 'NAME_TAKEN' });
  });
});

describe('units migration on a database that already has a commune', () => {
  let url: string;
  let drop: () => Promise<void>;
  let ds: DataSource;

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase('cchc_mig'));
    // The schema before units were data: every migration before it, and a commune with its five units (code, name).
    const before = createDataSource(url, { poolSize: 2 });
    before.setOptions({ migrations: MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.name.startsWith('UnitsAndAmendments'))) });
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    await before.query(`INSERT INTO communes (code, name) VALUES ('cu', 'Xã Cũ')`);
    for (const u of AN_LAO_UNITS.filter((x) => x.kind === 'INTERNAL')) {
      await before.query(`INSERT INTO units (commune, code, name) VALUES ('cu', $1, $2)`, [u.code, u.name]);
    }
    await before.destroy();
    ds = createDataSource(url, { poolSize: 2 });
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
  });
  afterAll(async () => {
    await ds?.destroy();
    await drop?.();
  });

  it('gives existing units their variants and order, and VH-XH the review, as code did before', async () => {
    const units = new UnitReadModel(ds);
    expect(await units.reviewingUnit('cu')).toBe('VHXH');
    expect((await units.list('cu')).map((u) => [u.code, u.aliases.length > 0])).toEqual([
      ['VP', true],
      ['VHXH', true],
      ['KT', true],
      ['TTPVHCC', true],
      ['TTDVSNC', true],
    ]);
    // The next seed brings the outside bodies and leaves the rest alone.
    await seedCommune(ds, 'cu');
    expect((await units.list('cu')).filter((u) => u.kind === 'EXTERNAL').length).toBe(AN_LAO_UNITS.filter((u) => u.kind === 'EXTERNAL').length);
    expect(await units.reviewingUnit('cu')).toBe('VHXH');
  });
});
