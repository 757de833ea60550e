import { Request, Response, Server } from 'restify';
import type { Services } from '../services';
import { buildSessionCalendar } from '../../features/training/sessionCalendar';

/** `<session id>.ics`, the file name "Add to calendar" links ask for. */
const CALENDAR_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.ics$/;

/**
 * The training routes: GET /training/sessions/{id}.ics serves a session as a calendar file
 * (text/calendar, Europe/London times), 404 for a session the catalogue does not hold. The files
 * hold only catalogue data, so they need no sign-in (calendar apps fetch them without one).
 */
export function registerTrainingRoutes(server: Server, services: Services): void {
  server.get('/training/sessions/:file', async (req: Request, res: Response) => {
    const file = String((req.params as { file?: unknown }).file ?? '');
    const id = CALENDAR_FILE.exec(file)?.[1];
    const { index } = services.training.finder;
    const session = id ? index.session(id) : undefined;
    const course = session ? index.course(session.courseId) : undefined;
    if (!session || !course) {
      res.send(404, { error: 'NotFound', message: 'There is no training session with that id.' });
      return;
    }
    const body = buildSessionCalendar(session, course, { now: services.now(), host: new URL(services.config.publicBaseUrl).host });
    res.setHeader('content-type', 'text/calendar; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${session.id}.ics"`);
    res.setHeader('cache-control', 'no-cache');
    res.sendRaw(200, body);
  });
}
