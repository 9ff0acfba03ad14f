import { LIMITS, emptyDraft, type LearningDraft } from '../../src/domain/record/learning-record';
import { propertySizeOf } from '../../src/domain/record/stored-format';
import { evidenceUrlProblem } from '../../static/issue-panel/src/state/evidence';
import { linkLabel, safeHref } from '../../static/shared/evidence-links';
import { clockTime, excerpt, fullDate, plural, shortDate, sprintDates, timeAgo } from '../../static/shared/format';
import { editorCommand, entryCommand, tagCommand, type KeyLike } from '../../static/issue-panel/src/state/shortcuts';
import { newId } from '../../static/issue-panel/src/state/ids';
import { nameOf } from '../../static/shared/person-name';
import { previewRecordOf, sizeMeterText, sizePreviewOf } from '../../static/issue-panel/src/state/size-preview';

const by = { accountId: 'acc-1', now: new Date('2026-11-20T10:00:00Z') };
const withText = (chars: number): LearningDraft => ({
  ...emptyDraft(),
  learnings: Array.from({ length: Math.ceil(chars / LIMITS.entryChars) }, (_, i) => ({
    id: `e${i}`,
    text: 'x'.repeat(Math.min(LIMITS.entryChars, chars - i * LIMITS.entryChars)),
    surprise: false,
  })),
});

describe('size preview', () => {
  it('measures the record the backend would store', () => {
    const draft = { ...emptyDraft(), hypothesis: 'We believe' };
    const preview = previewRecordOf(draft, null, by);
    expect(preview.revision).toBe(1);
    expect(sizePreviewOf(draft, null, by).used).toBe(propertySizeOf(preview));
  });

  // Entry text is stored once in the record (JQL's copy lives in a property of its own), so N characters cost N
  // plus each 2,000-character entry's own fields (≈ 150 bytes): 80 % of 32,768 is 26,214.
  it('is ok for a small record, warns from 80 %, is over above the limit', () => {
    expect(sizePreviewOf(emptyDraft(), null, by).level).toBe('ok');
    expect(sizePreviewOf(withText(26_000), null, by).level).toBe('warning');
    expect(sizePreviewOf(withText(24_000), null, by).level).toBe('ok');
    const over = sizePreviewOf(withText(32_000), null, by);
    expect(over.level).toBe('over');
    expect(over.remaining).toBeLessThan(0);
  });

  it('ignores blank entries and surrounding spaces, as the save does', () => {
    const padded: LearningDraft = { ...emptyDraft(), hypothesis: '  a  ', learnings: [{ id: 'b', text: '   ', surprise: false }] };
    expect(sizePreviewOf(padded, null, by).used).toBe(sizePreviewOf({ ...emptyDraft(), hypothesis: 'a' }, null, by).used);
  });

  it('says what to do when over, and how much is left when warning', () => {
    expect(sizeMeterText({ used: 1000, limit: 32768, remaining: 31768, level: 'ok' })).toEqual({
      percent: 3,
      label: '3% of 32 KB used',
      advice: null,
    });
    // 4,768 bytes left: (4,768 − 170) / 2 = 2,299 characters, said as "about 2,200".
    expect(sizeMeterText({ used: 28000, limit: 32768, remaining: 4768, level: 'warning' }).advice).toBe(
      'Room for about 2,200 more characters of learnings (Jira keeps 32 KB per issue, and each learning is stored twice: to show and to search). ' +
        'Keep each learning to a line or two and move long notes to a linked page (add it under Evidence).',
    );
    expect(sizeMeterText({ used: 34000, limit: 32768, remaining: -1232, level: 'over' }).advice).toMatch(
      /Too large to save by 1\.2 KB: shorten or remove/,
    );
  });
});

describe('evidence links', () => {
  it('renders only http(s) as links', () => {
    expect(safeHref('https://example.com')).toBe('https://example.com');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html;base64,AAAA')).toBeNull();
    expect(safeHref('JAVASCRIPT:alert(1)')).toBeNull();
  });

  it('refuses script-like schemes in any case', () => {
    expect(evidenceUrlProblem('JavaScript:alert(1)', [])).toMatch(/Only http/);
    expect(evidenceUrlProblem('vbscript:x', [])).toMatch(/Only http/);
    expect(evidenceUrlProblem('https://ok.example', [])).toBeNull();
    expect(evidenceUrlProblem(`https://e.com/${'a'.repeat(LIMITS.evidenceUrlChars)}`, [])).toMatch(/at most/);
  });

  it('labels an untitled link by host and path', () => {
    expect(linkLabel({ id: 'a', url: 'https://x.example/a/b', title: 'https://x.example/a/b' })).toBe('x.example/a/b');
    expect(linkLabel({ id: 'a', url: 'https://x.example/', title: '' })).toBe('x.example');
    expect(linkLabel({ id: 'a', url: 'https://x.example/', title: 'Readout' })).toBe('Readout');
  });
});

describe('keyboard', () => {
  const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
    key: k,
    shiftKey: false,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    ...mods,
  });

  it('Enter commits an entry; Shift+Enter is a new line; composing is left alone', () => {
    expect(entryCommand(key('Enter'))).toBe('commit');
    expect(entryCommand(key('Enter', { shiftKey: true }))).toBeNull();
    expect(entryCommand(key('Enter', { isComposing: true }))).toBeNull();
  });

  it('Alt+S and Ctrl+Shift+S flag a surprise, whatever the layout types', () => {
    expect(entryCommand(key('ß', { altKey: true, code: 'KeyS' }))).toBe('toggleSurprise');
    expect(entryCommand(key('S', { ctrlKey: true, shiftKey: true, code: 'KeyS' }))).toBe('toggleSurprise');
    expect(entryCommand(key('s'))).toBeNull();
    expect(entryCommand(key('s', { ctrlKey: true }))).toBeNull();
  });

  it('Ctrl/Cmd+Enter saves, Esc cancels, Alt+N adds a learning', () => {
    expect(editorCommand(key('Enter', { ctrlKey: true }))).toBe('save');
    expect(editorCommand(key('Enter', { metaKey: true }))).toBe('save');
    expect(editorCommand(key('Escape'))).toBe('cancel');
    expect(editorCommand(key('˜', { altKey: true, code: 'KeyN' }))).toBe('addEntry');
    expect(editorCommand(key('Enter'))).toBeNull();
  });

  it('tag field: Enter adds, Backspace on empty removes the last tag', () => {
    expect(tagCommand(key('Enter'), 'x')).toBe('commit');
    expect(tagCommand(key('Backspace'), '')).toBe('removeLast');
    expect(tagCommand(key('Backspace'), 'x')).toBeNull();
  });
});

describe('formatting', () => {
  const now = new Date('2026-11-20T10:00:00Z');
  it('says how long ago', () => {
    expect(timeAgo('2026-11-20T09:59:50Z', now)).toBe('just now');
    expect(timeAgo('2026-11-20T09:55:00Z', now)).toBe('5 minutes ago');
    expect(timeAgo('2026-11-20T08:00:00Z', now)).toBe('2 hours ago');
    expect(timeAgo('2026-11-19T10:00:00Z', now)).toBe('yesterday');
    expect(timeAgo('not a date', now)).toBe('not a date');
  });

  it('formats dates with one formatter per locale and style, reused: 2,000 cards do not build 2,000', () => {
    const at = '2026-11-20T12:00:00Z';
    const built = jest.spyOn(Intl, 'DateTimeFormat');
    try {
      // A locale nothing else in this file formats with, so no formatter is cached yet.
      const dates = Array.from({ length: 100 }, () => [fullDate(at, 'en-GB'), shortDate(at, 'en-GB'), clockTime(at, 'en-GB')]);
      expect(built).toHaveBeenCalledTimes(3);
      // What the platform itself says for these styles, the same on every call.
      const full = new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
      const clock = new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      expect(new Set(dates.map((d) => d.join(' | ')))).toEqual(new Set([`${full} | 20 Nov 2026 | ${clock}`]));
    } finally {
      built.mockRestore();
    }
    expect(shortDate('not a date')).toBe('not a date');
  });

  it("a sprint picker's 50 sprints build one date formatter, not two per sprint (≈ 60 ms of the retro's first render)", () => {
    const sprints = Array.from({ length: 50 }, (_, n) => ({
      startDate: `2026-0${1 + (n % 9)}-0${1 + (n % 9)}T09:00:00.000Z`,
      endDate: `2026-0${1 + (n % 9)}-1${n % 10}T17:00:00.000Z`,
      completeDate: null,
    }));
    const built = jest.spyOn(Intl, 'DateTimeFormat');
    const perCall = jest.spyOn(Date.prototype, 'toLocaleDateString');
    let lines: string[];
    try {
      lines = sprints.map((s) => sprintDates(s, 'en-IE'));
      expect(built).toHaveBeenCalledTimes(1);
      expect(perCall).not.toHaveBeenCalled();
    } finally {
      built.mockRestore();
      perCall.mockRestore();
    }
    // What the platform says for each day (UTC, as Jira stores sprint dates).
    const day = (iso: string) => new Date(iso).toLocaleDateString('en-IE', { day: 'numeric', month: 'short', timeZone: 'UTC' });
    expect(lines).toEqual(sprints.map((s) => `${day(s.startDate)} \u2013 ${day(s.endDate)}`));
    expect(sprintDates({ startDate: null, endDate: '2026-03-17T00:00:00.000Z', completeDate: null }, 'en-IE')).toBe(
      day('2026-03-17T00:00:00.000Z'),
    );
  });

  it('cuts excerpts at the first line', () => {
    expect(excerpt('one\ntwo')).toBe('one');
    expect(excerpt('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(plural(1, 'learning')).toBe('1 learning');
    expect(plural(2, 'surprise')).toBe('2 surprises');
  });

  it('names the viewer "you", others "someone" until their name is known, never by account id', () => {
    expect(nameOf('a', 'a')).toBe('you');
    expect(nameOf('b', 'a')).toBe('someone');
    expect(nameOf('b', 'a', new Map([['c', 'Ana']]))).toBe('someone');
    expect(nameOf('b', 'a', new Map([['b', 'Priya']]))).toBe('Priya');
  });
});

describe('new ids', () => {
  const idRule = /^[A-Za-z0-9_-]{1,64}$/;
  it('uses randomUUID when the page has it', () => {
    expect(newId({ randomUUID: () => 'abc-123', getRandomValues: (a) => a })).toBe('abc-123');
  });
  it('falls back to getRandomValues outside secure contexts, same shape', () => {
    const id = newId({ getRandomValues: (a) => a.fill(0xab) });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).toMatch(idRule);
    expect(newId()).toMatch(idRule);
  });
});
