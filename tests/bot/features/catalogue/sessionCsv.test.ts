import { expect } from 'chai';
import { itemsOf } from '../../../../bot/features/catalogue/catalogueItems';
import { planSessionImport, readSessionCsv } from '../../../../bot/features/catalogue/sessionCsv';
import { loadCheckedCatalogue } from '../../../../knowledge/training/checkedCatalogue';

const live = itemsOf(loadCheckedCatalogue());

describe('LMS session CSV', () => {
  it('reads an export with other column names, a BOM, quoted cells and "2027-01-14 09:30" times', () => {
    const csv =
      '\uFEFFSession ID,Course ID,Start time,End time,Location,Places,Time zone\r\nlms-1,caf-lead-professional,2027-06-08 09:30,2027-06-08 12:30,"Hall, Room 2",7,Europe/London\r\n';
    const { rows, problems } = readSessionCsv(csv);
    expect(problems).to.deep.equal([]);
    expect(rows).to.have.length(1);
    expect(rows[0]).to.deep.include({ line: 2 });
    expect(rows[0].item.record).to.deep.include({
      id: 'lms-1',
      course: 'caf-lead-professional',
      start: '2027-06-08T09:30',
      venue: 'Hall, Room 2',
      places_left: 7,
      online: false,
      status: 'scheduled',
    });
  });

  it('lists every bad row with its line and reason: header, width, values, duplicates', () => {
    expect(readSessionCsv('').problems[0].message).to.contain('empty');
    expect(
      readSessionCsv('id,course,colour\n')
        .problems.map((p) => p.message)
        .join(' '),
    )
      .to.contain('Unknown column "colour"')
      .and.to.contain('no "start" column');
    const csv = [
      'id,course,start,end,venue,online,places_left',
      'a-1,caf-lead-professional,2027-06-08T09:30,2027-06-08T12:30,Hall,,3',
      'a-2,caf-lead-professional,2027-06-08T09:30',
      'a-3,caf-lead-professional,2027-06-08T09:30,2027-06-08T12:30,Hall,yes,3',
      'a-1,caf-lead-professional,2027-06-09T09:30,2027-06-09T12:30,Hall,,3',
      'A 4,caf-lead-professional,2027-06-08T09:30,2027-06-08T12:30,Hall,,-2',
    ].join('\n');
    const { rows, problems } = readSessionCsv(csv);
    expect(rows.map((r) => r.item.record.id)).to.deep.equal(['a-1']);
    expect(problems.map((p) => p.field)).to.deep.equal(['line 3', 'line 4', 'line 5', 'line 6', 'line 6']);
    expect(problems[1].message).to.contain('either online: true or a venue');
    expect(problems[2].message).to.equal('session a-1 is already on line 2');
  });

  it('plans adds and changes against the live catalogue, and refuses rows the whole catalogue would reject', () => {
    const csv = [
      'id,course,start,end,venue,places_left,status',
      'caf-2026-12-08,caf-lead-professional,2026-12-08T09:30,2026-12-08T12:30,"County Hall, Training Room 1 (sample venue)",9,cancelled',
      'new-1,caf-lead-professional,2027-06-08T09:30,2027-06-08T12:30,Hall,3,',
      'new-2,nobody,2027-06-08T09:30,2027-06-08T12:30,Hall,3,',
    ].join('\n');
    const plan = planSessionImport(csv, live);
    expect(plan.add.map((r) => r.item.record.id)).to.deep.equal(['new-1']);
    expect(plan.change.map((r) => [r.item.record.id, r.changes])).to.deep.equal([['caf-2026-12-08', ['status: "scheduled" → "cancelled"']]]);
    expect(plan.problems).to.deep.equal([{ field: 'line 4', message: 'session new-2.course: "nobody" is not a course in courses.yaml' }]);
  });
});
