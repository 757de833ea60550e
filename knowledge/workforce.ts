/**
 * The shape of the children's workforce as the seed strategies describe it: the seven sectors, the
 * roles staff hold, and the topics briefings are tagged with. Profiles, audiences, training rules
 * and survey segments all use these ids.
 */
import { COUNCILS } from './entry';

export interface Option {
  id: string;
  label: string;
}

/** The seven sectors of the children's workforce. */
export const SECTORS: readonly Option[] = [
  { id: 'education', label: 'Education' },
  { id: 'health', label: 'Health' },
  { id: 'social-family-community', label: 'Social, Family and Community Support' },
  { id: 'youth', label: 'Youth' },
  { id: 'justice-crime-prevention', label: 'Justice and Crime Prevention' },
  { id: 'sport-culture', label: 'Sport and Culture' },
  { id: 'early-years-childcare', label: 'Early Years and Childcare' },
];

export interface RoleOption extends Option {
  /** The sector the role usually sits in; undefined for roles found in every sector. */
  sector?: string;
}

/** Roles staff choose from in their settings; training rules name these ids. */
export const ROLES: readonly RoleOption[] = [
  { id: 'social-worker', label: 'Social worker', sector: 'social-family-community' },
  { id: 'family-support-worker', label: 'Family support worker', sector: 'social-family-community' },
  { id: 'residential-care-worker', label: 'Residential child care worker', sector: 'social-family-community' },
  { id: 'foster-carer', label: 'Foster carer', sector: 'social-family-community' },
  { id: 'teacher', label: 'Teacher', sector: 'education' },
  { id: 'teaching-assistant', label: 'Teaching assistant', sector: 'education' },
  { id: 'learning-mentor', label: 'Learning mentor', sector: 'education' },
  { id: 'education-welfare-officer', label: 'Education welfare officer', sector: 'education' },
  { id: 'senco', label: 'Special educational needs co-ordinator (SENCO)', sector: 'education' },
  { id: 'health-visitor', label: 'Health visitor', sector: 'health' },
  { id: 'school-nurse', label: 'School nurse', sector: 'health' },
  { id: 'midwife', label: 'Midwife', sector: 'health' },
  { id: 'camhs-practitioner', label: 'CAMHS practitioner', sector: 'health' },
  { id: 'youth-worker', label: 'Youth worker', sector: 'youth' },
  { id: 'personal-adviser', label: 'Personal adviser (Connexions)', sector: 'youth' },
  { id: 'yot-worker', label: 'Youth offending team worker', sector: 'justice-crime-prevention' },
  { id: 'police-officer', label: 'Police officer', sector: 'justice-crime-prevention' },
  { id: 'early-years-practitioner', label: 'Early years practitioner', sector: 'early-years-childcare' },
  { id: 'childminder', label: 'Childminder', sector: 'early-years-childcare' },
  { id: 'nursery-manager', label: 'Nursery or children\u2019s centre manager', sector: 'early-years-childcare' },
  { id: 'sports-coach', label: 'Sports coach or leisure worker', sector: 'sport-culture' },
  { id: 'library-arts-worker', label: 'Library, arts or museum worker', sector: 'sport-culture' },
  { id: 'manager', label: 'Manager or team leader' },
  { id: 'volunteer', label: 'Volunteer' },
  { id: 'other', label: 'Another role' },
];

/** Topics staff can ask to hear about, and briefings are tagged with. */
export const TOPICS: readonly Option[] = [
  { id: 'safeguarding', label: 'Safeguarding' },
  { id: 'integrated-working', label: 'Integrated working (CAF, TAC, lead professional)' },
  { id: 'training', label: 'Induction and training' },
  { id: 'qualifications', label: 'Qualifications and careers' },
  { id: 'workforce-strategy', label: 'Workforce strategy' },
  { id: 'wellbeing', label: 'Health and wellbeing at work' },
  { id: 'early-years', label: 'Early years' },
  { id: 'youth', label: 'Youth services' },
];

/** The councils as staff choose them, named as people write them ("leicestershire" reads "Leicestershire"). */
export const COUNCIL_OPTIONS: readonly Option[] = COUNCILS.map((c) => ({ id: c, label: c[0].toUpperCase() + c.slice(1) }));

export const isSector = (id: string): boolean => SECTORS.some((s) => s.id === id);
export const isRole = (id: string): boolean => ROLES.some((r) => r.id === id);
export const isTopic = (id: string): boolean => TOPICS.some((t) => t.id === id);
export const labelOf = (options: readonly Option[], id: string | undefined): string | undefined => options.find((o) => o.id === id)?.label;
