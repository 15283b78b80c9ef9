import { AudienceReadModel, ReadModel, seedCommune, seedDemoAccounts } from '@app/persistence';
import { migratedDatabase, type MigratedDatabase } from './support';

/**
 * Who a notice can reach, read in one statement (the notifier's audience): the same people, delegations, commune and
 * units as the four reads of their own modules, and another commune's people never in it.
 */
describe('audience read model (real PostgreSQL)', () => {
  let db: MigratedDatabase;
  let rm: ReadModel;
  const commune = 'an-lao';

  beforeAll(async () => {
    db = await migratedDatabase();
    rm = new ReadModel(db.ds);
    await seedCommune(db.ds, commune);
    await seedDemoAccounts(db.ds, commune, 'demo');
    await seedCommune(db.ds, 'kien-an');
    await seedDemoAccounts(db.ds, 'kien-an', 'demo', 'ka.');
  });
  afterAll(() => db?.drop());

  it('answers what the four separate reads answer, in one round trip', async () => {
    const chairman = (await rm.users.list(commune)).find((u) => u.username === 'chutich')!;
    const deputy = (await rm.users.list(commune)).find((u) => u.username === 'phochutich')!;
    await rm.delegations.create({ commune, fromUserId: chairman.id, toUserId: deputy.id, from: '2026-11-20', until: '2026-11-30', today: '2026-11-20' });
    await rm.delegations.create({ commune, fromUserId: chairman.id, toUserId: deputy.id, from: '2026-10-01', until: '2026-10-31', today: '2026-10-01' });

    let statements = 0;
    const query = db.ds.query.bind(db.ds);
    db.ds.query = ((...args: Parameters<typeof query>) => {
      statements++;
      return query(...args);
    }) as typeof db.ds.query;
    const audience = await new AudienceReadModel(db.ds).of(commune, '2026-11-26');
    db.ds.query = query;
    expect(statements).toBe(1);

    expect(audience.people).toEqual(await rm.preferences.people(commune));
    expect(audience.people.map((p) => p.full_name)).toContain('Đinh Thành Đồng');
    const elsewhere = new Set((await rm.users.list('kien-an')).map((u) => u.id));
    expect(elsewhere.size).toBeGreaterThan(0);
    expect(audience.people.filter((p) => elsewhere.has(p.id))).toEqual([]);
    // The October delegation has ended by 26 November; November's has not.
    expect(audience.grants).toEqual(await rm.delegations.notEnded(commune, '2026-11-26'));
    expect(audience.grants.map((g) => [g.from_name, g.valid_from, g.valid_until])).toEqual([[chairman.full_name, '2026-11-20', '2026-11-30']]);
    expect(audience.commune).toEqual(await rm.communes.find(commune));
    expect(audience.units).toEqual(await rm.units.list(commune));
    expect(audience.units.slice(0, 5).map((u) => u.code)).toEqual(['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC']);
  });

  it('answers empty lists for a commune with nobody in it yet', async () => {
    await seedCommune(db.ds, 'moi');
    const audience = await rm.audience.of('moi', '2026-11-26');
    expect(audience.people).toEqual([]);
    expect(audience.grants).toEqual([]);
    expect(audience.commune?.code).toBe('moi');
  });
});
