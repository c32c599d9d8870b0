import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ColumnTexts, SharedValues, TEXTS_PER_COLUMN } from '../../../src/plan/parts/sharedCells';
import type { DayNumber } from '../../../src/domain/dates';

describe('SharedValues', () => {
  it('gives one object per day and per small integer, and the value asked for', () => {
    const shared = new SharedValues();
    expect(shared.date(19_000 as DayNumber)).toBe(shared.date(19_000 as DayNumber));
    expect(shared.date(19_000 as DayNumber)).toEqual({ kind: 'date', day: 19_000 });
    expect(shared.number(3)).toBe(shared.number(3));
    expect(shared.number(1023)).toBe(shared.number(1023));
  });

  it('never shares -0, fractions, negatives or large numbers (each is its own exact value)', () => {
    const shared = new SharedValues();
    const minusZero = shared.number(-0);
    expect(Object.is((minusZero as { value: number }).value, -0)).toBe(true);
    expect(Object.is((shared.number(0) as { value: number }).value, 0)).toBe(true);
    expect(shared.number(0.5)).not.toBe(shared.number(0.5));
    expect(shared.number(-1)).not.toBe(shared.number(-1));
    expect(shared.number(1024)).not.toBe(shared.number(1024));
  });

  it('returns exactly { kind: number, value } for any number (property)', () => {
    const shared = new SharedValues();
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.double({ noNaN: true })), (value) => {
        const cell = shared.number(value) as { kind: string; value: number };
        expect(cell.kind).toBe('number');
        expect(Object.is(cell.value, value)).toBe(true);
      }),
    );
  });
});

describe('ColumnTexts', () => {
  it('shares a repeated text within a column', () => {
    const texts = new ColumnTexts('Owner');
    expect(texts.text('王芳', 2)).toBe(texts.text('王芳', 3));
    expect(texts.text('王芳', 2)).toEqual({ kind: 'text', text: '王芳' });
  });

  it(`stops sharing after ${TEXTS_PER_COLUMN} distinct texts, and still gives every value`, () => {
    const texts = new ColumnTexts('Name');
    for (let i = 0; i < TEXTS_PER_COLUMN + 10; i++) expect(texts.text(`客户${i}`, i + 2)).toEqual({ kind: 'text', text: `客户${i}` });
    const late = `客户${TEXTS_PER_COLUMN + 5}`;
    expect(texts.text(late, 9)).not.toBe(texts.text(late, 10));
    expect(texts.text('客户0', 11)).toEqual({ kind: 'text', text: '客户0' });
  });

  it('refuses a text too long for a cell, naming the source row and the column, shared or not', () => {
    const long = 'x'.repeat(32_768);
    expect(() => new ColumnTexts('Notes').text(long, 7)).toThrow(/source row 7.*"Notes"/);
    const full = new ColumnTexts('Notes');
    for (let i = 0; i <= TEXTS_PER_COLUMN; i++) full.text(String(i), i + 2);
    expect(() => full.text(long, 900)).toThrow(/source row 900.*"Notes"/);
  });
});
