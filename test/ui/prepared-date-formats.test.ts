/**
 * The first screens' date formatters are built ahead (mount-app.tsx runs this while the first call is in flight):
 * a page's first Intl formatter costs tens of milliseconds, so none may be left for the render to build.
 */
import { clockTime, fullDate, prepareDateFormats, shortDate, sprintDates, timeAgo } from '../../static/shared/format';

it('leaves no date or relative-time formatter for the first screen to build', () => {
  prepareDateFormats();
  const dateFormat = jest.spyOn(Intl, 'DateTimeFormat');
  const relativeFormat = jest.spyOn(Intl, 'RelativeTimeFormat');
  try {
    const at = '2026-11-20T10:00:00.000Z';
    fullDate(at);
    shortDate(at);
    clockTime(at);
    sprintDates({ startDate: at, endDate: '2026-12-04T10:00:00.000Z', completeDate: null });
    timeAgo(at, new Date('2026-11-23T10:00:00.000Z'));
    expect(dateFormat).not.toHaveBeenCalled();
    expect(relativeFormat).not.toHaveBeenCalled();
  } finally {
    jest.restoreAllMocks();
  }
});
