import { Course, Session, TrainingCatalogue } from './catalogue';

/** Finds courses and sessions by id, and a course's sessions in date order. */
export class CatalogueIndex {
  private readonly courses: Map<string, Course>;
  private readonly sessions: Map<string, Session>;
  private readonly byCourse = new Map<string, Session[]>();

  constructor(readonly catalogue: TrainingCatalogue) {
    this.courses = new Map(catalogue.courses.map((c) => [c.id, c]));
    this.sessions = new Map(catalogue.sessions.map((s) => [s.id, s]));
    for (const session of [...catalogue.sessions].sort((a, b) => a.start.toMillis() - b.start.toMillis())) {
      const list = this.byCourse.get(session.courseId) ?? [];
      list.push(session);
      this.byCourse.set(session.courseId, list);
    }
  }

  /** Every course, in catalogue order. */
  get allCourses(): readonly Course[] {
    return this.catalogue.courses;
  }

  course(id: string): Course | undefined {
    return this.courses.get(id);
  }

  session(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  /** A course's sessions, earliest first, past and cancelled ones included. */
  sessionsOf(courseId: string): readonly Session[] {
    return this.byCourse.get(courseId) ?? [];
  }

  /** Courses that teach about a knowledge-base entry (it is in their related_entries). */
  coursesAbout(entryId: string): Course[] {
    return this.catalogue.courses.filter((c) => c.relatedEntries.includes(entryId));
  }
}
