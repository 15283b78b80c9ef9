import { unitInputProblems, unitsAskedForInput } from './inputs';

describe('unit inputs', () => {
  it('asks the units that lead a task or own figures, in the directory’s order', () => {
    expect(unitsAskedForInput(['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC', 'QS'], [['VHXH'], ['VP', 'KT'], ['TTDVSNC']])).toEqual(['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC']);
  });

  it('refuses progress on a task the unit does not lead, and figures it does not own, in Vietnamese', () => {
    const lines = [
      { taskId: 'a', number: 1, leadUnits: ['KT'] },
      { taskId: 'b', number: 2, leadUnits: ['VP'] },
    ];
    const problems = unitInputProblems('KT', { narrative: '', taskProgress: [{ taskId: 'b', progress: 'x', note: '' }], figures: { dossiersReceived: 3 } }, lines);
    expect(problems.map((p) => p.field)).toEqual(['taskProgress[0].taskId', 'figures.dossiersReceived']);
    expect(problems[0].message).toBe('Nhiệm vụ này không do đơn vị chủ trì.');
  });
});

describe('figures', () => {
  it('a revenue above its estimate is accepted; a satisfaction rate above 100% is not', () => {
    expect(unitInputProblems('KT', { narrative: '', taskProgress: [], figures: { budgetRevenuePercent: 104.2 } }, [])).toEqual([]);
    expect(unitInputProblems('TTPVHCC', { narrative: '', taskProgress: [], figures: { satisfactionPercent: 101 } }, []).map((p) => p.field)).toEqual(['figures.satisfactionPercent']);
  });
});
