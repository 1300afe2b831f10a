import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayOf, splitByDay, startOfDay, startOfNextDay } from '../../server/src/domain/company-day.js';

const HOUR = 60 * 60_000;

describe('company days', () => {
  it('finds the local midnight in the company’s time zone, UTC without one', () => {
    const at = Date.UTC(2026, 10, 22, 13); // 10:00 in São Paulo
    assert.equal(startOfDay(at, null), Date.UTC(2026, 10, 22));
    assert.equal(startOfDay(at, 'America/Sao_Paulo'), Date.UTC(2026, 10, 22, 3));
    assert.equal(startOfNextDay(at, 'America/Sao_Paulo'), Date.UTC(2026, 10, 23, 3));
    assert.equal(dayOf(Date.UTC(2026, 10, 23, 2), 'America/Sao_Paulo'), '2026-11-22');
  });

  it('follows a daylight-saving change: a day of 23 hours', () => {
    // Europe/Berlin moved from 02:00 to 03:00 on 2026-03-29.
    const day = startOfDay(Date.UTC(2026, 2, 29, 12), 'Europe/Berlin');
    assert.equal(startOfNextDay(day, 'Europe/Berlin') - day, 23 * HOUR);
  });

  it('cuts a stretch at each midnight', () => {
    const from = Date.UTC(2026, 10, 22, 22);
    assert.deepEqual(splitByDay(from, from + 28 * HOUR, null), [
      { day: '2026-11-22', ms: 2 * HOUR },
      { day: '2026-11-23', ms: 24 * HOUR },
      { day: '2026-11-24', ms: 2 * HOUR },
    ]);
    assert.deepEqual(splitByDay(from, from, null), []);
  });
});
