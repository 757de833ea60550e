import { Request, Response, Server } from 'restify';
import { DateTime } from 'luxon';
import { buildSessionCalendar } from './sessionCalendar';
import type { TrainingFinder } from './trainingFinder';

/** What the calendar route needs: the catalogue's sessions, the clock, and the host the files' UIDs name. */
export interface TrainingRouteDeps {
  finder: Pick<TrainingFinder, 'index'>;
  now: () => DateTime;
  publicBaseUrl: string;
}

/** `<session id>.ics`, the file name "Add to calendar" links ask for. */
const CALENDAR_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.ics$/;

/**
 * The training routes: GET /training/sessions/{id}.ics serves a session as a calendar file
 * (text/calendar, Europe/London times), 404 for a session the catalogue does not hold. The files
 * hold only catalogue data, so they need no sign-in (calendar apps fetch them without one).
 */
export function registerTrainingRoutes(server: Server, deps: TrainingRouteDeps): void {
  const { finder, now, publicBaseUrl } = deps;
  server.get('/training/sessions/:file', async (req: Request, res: Response) => {
    const file = String((req.params as { file?: unknown }).file ?? '');
    const id = CALENDAR_FILE.exec(file)?.[1];
    const { index } = finder;
    const session = id ? index.session(id) : undefined;
    const course = session ? index.course(session.courseId) : undefined;
    if (!session || !course) {
      res.send(404, { error: 'NotFound', message: 'There is no training session with that id.' });
      return;
    }
    const body = buildSessionCalendar(session, course, { now: now(), host: new URL(publicBaseUrl).host });
    res.setHeader('content-type', 'text/calendar; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${session.id}.ics"`);
    res.setHeader('cache-control', 'no-cache');
    res.sendRaw(200, body);
  });
}
