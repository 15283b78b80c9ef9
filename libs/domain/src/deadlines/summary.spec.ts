import { summarizeStatusWords } from './summary';
import { mayCity, mayReadCommune } from '../approval/policy';

describe('summarizeStatusWords', () => {
  it('counts each word, the overdue, and the on-time rate over the tasks done or late', () => {
    const s = summarizeStatusWords(['DONE_ON_TIME', 'DONE_ON_TIME', 'DONE_LATE', 'IN_PROGRESS_LATE', 'IN_PROGRESS_ON_TIME', 'NOT_STARTED', 'WITHDRAWN']);
    expect(s.total).toBe(6);
    expect(s.byWord).toMatchObject({ DONE_ON_TIME: 2, DONE_LATE: 1, IN_PROGRESS_LATE: 1, IN_PROGRESS_ON_TIME: 1, NOT_STARTED: 1, WITHDRAWN: 1, MISSED: 0 });
    expect(s.overdue).toBe(1);
    expect(s.onTimeRate).toBe(0.5);
  });

  it('has no rate while nothing is done or late', () => {
    expect(summarizeStatusWords(['NOT_STARTED', 'IN_PROGRESS_ON_TIME']).onTimeRate).toBeNull();
    expect(summarizeStatusWords([])).toMatchObject({ total: 0, overdue: 0, onTimeRate: null });
  });
});

describe('rights across communes', () => {
  const anLao = { code: 'an-lao', province: 'Hải Phòng' };
  const baVi = { code: 'ba-vi', province: 'Hà Nội' };
  const viewer = { commune: null, roles: ['DEPARTMENT_VIEWER' as const], province: 'Hải Phòng' };
  const superadmin = { commune: null, roles: ['SUPERADMIN' as const] };
  const admin = { commune: 'an-lao', roles: ['ADMIN' as const] };

  it('a commune’s people read their commune only', () => {
    expect(mayReadCommune(admin, anLao)).toBe(true);
    expect(mayReadCommune(admin, baVi)).toBe(false);
  });

  it('Sở Nội vụ reads the communes of its province, and acts in none', () => {
    expect(mayReadCommune(viewer, anLao)).toBe(true);
    expect(mayReadCommune(viewer, baVi)).toBe(false);
    expect(mayReadCommune(viewer, { code: 'x', province: null })).toBe(false);
    expect(mayCity(viewer, 'overview')).toBe(true);
    expect(mayCity(viewer, 'manageUsers')).toBe(false);
  });

  it('the SUPERADMIN manages communes but reads none of their work', () => {
    expect(mayCity(superadmin, 'manageCommunes')).toBe(true);
    expect(mayReadCommune(superadmin, anLao)).toBe(false);
    expect(mayCity(superadmin, 'overview')).toBe(false);
    expect(mayCity(admin, 'manageCommunes')).toBe(false);
    expect(mayCity(admin, 'manageUsers')).toBe(true);
  });
});
