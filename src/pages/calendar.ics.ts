import type { APIRoute } from 'astro';
import { calendarResponse, calendarWindowStart } from '../site/calendars.ts';
import { getPublicBriefings } from '../site/collections.ts';

export const GET: APIRoute = async () =>
  calendarResponse('events', await getPublicBriefings(), await calendarWindowStart());
