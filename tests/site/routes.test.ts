import { describe, expect, it } from 'vitest';
import { absolute, cardRoutes, feedRoutes, routeOf, routes } from '../../src/site/routes.ts';
import { site } from '../../src/site.config.ts';

describe('routes', () => {
  it('names the path of every kind of page', () => {
    expect([routes.home(), routes.home(1), routes.home(2)]).toEqual(['/', '/', '/page/2/']);
    expect(routes.briefing('2026-02-01-amazon')).toBe('/briefings/2026-02-01-amazon/');
    expect([routes.ticker('BRK.B'), routes.tag('job-cuts'), routes.author('markets-desk')]).toEqual([
      '/tickers/BRK.B/',
      '/tags/job-cuts/',
      '/authors/markets-desk/',
    ]);
    expect(routes.month(2026, 3)).toBe('/archive/2026/03/');
  });

  it('builds search page paths with presets', () => {
    expect(routes.search()).toBe('/search/');
    expect(routes.search({ q: 'open ai', ticker: 'AMZN' })).toBe('/search/?q=open+ai&ticker=AMZN');
  });

  it('names feeds, calendars and cards', () => {
    expect([feedRoutes.site(), feedRoutes.json(), feedRoutes.calendar()]).toEqual([
      '/rss.xml',
      '/feed.json',
      '/calendar.ics',
    ]);
    expect(feedRoutes.ticker('AMZN')).toBe('/tickers/AMZN/rss.xml');
    expect(feedRoutes.briefingCalendar('x')).toBe('/briefings/x/calendar.ics');
    expect([cardRoutes.home(), cardRoutes.briefing('x'), cardRoutes.tag('ai')]).toEqual([
      '/og/home.png',
      '/og/briefings/x.png',
      '/og/tags/ai.png',
    ]);
  });

  it('makes a path absolute on the configured origin', () => {
    expect(absolute('/tickers/AMZN/')).toBe(`${site.url}/tickers/AMZN/`);
  });

  it('reads every path it builds back as the same kind of page', () => {
    expect(routeOf(routes.briefing('2026-02-01-amazon'))).toEqual({ kind: 'briefing', id: '2026-02-01-amazon' });
    expect(routeOf(routes.ticker('AMZN'))).toEqual({ kind: 'ticker', symbol: 'AMZN' });
    expect(routeOf(routes.tag('ai'))).toEqual({ kind: 'tag', tag: 'ai' });
    for (const path of [routes.home(), routes.tags(), routes.search(), feedRoutes.site(), feedRoutes.calendar()]) {
      expect(routeOf(path)).toEqual({ kind: 'fixed' });
    }
    for (const path of [routes.author('x'), routes.month(2026, 1), routes.home(2), cardRoutes.home()]) {
      expect(routeOf(path)).toEqual({ kind: 'generated' });
    }
    expect(routeOf('/nowhere/')).toEqual({ kind: 'unknown' });
  });
});
