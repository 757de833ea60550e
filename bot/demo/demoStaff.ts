import { ROLES, SECTORS } from '../../knowledge/workforce';

/** One simulated member of staff in the demo: who they are in Teams and what their settings say. */
export interface DemoPerson {
  /** The Teams user id ("29:…"), as the Bot Connector names them. */
  userId: string;
  /** Their Entra object id, which pulses and the comms role key on. */
  aadObjectId: string;
  /** Their personal chat with the bot. */
  conversationId: string;
  name: string;
  sector?: string;
  role: string;
  locality: string;
  authority: string;
  /** The one person who may author briefings and pulses (in COMMS_USERS). */
  comms: boolean;
}

/** The demo's made-up tenant: every simulated person belongs to it. */
export const DEMO_TENANT_ID = 'demo-tenant';

/** Districts of one county, so targeting by locality has something to pick from. */
const LOCALITIES = ['Charnwood', 'Melton', 'Blaby', 'Harborough', 'Hinckley and Bosworth', 'North West Leicestershire'];

const FIRST_NAMES = [
  'Amira',
  'Ben',
  'Chloe',
  'Dev',
  'Ellie',
  'Farah',
  'George',
  'Hana',
  'Isaac',
  'Jas',
  'Kemi',
  'Liam',
  'Maya',
  'Nathan',
  'Olu',
  'Priya',
  'Quinn',
  'Rosa',
  'Sami',
  'Tom',
  'Uma',
  'Vic',
  'Wes',
  'Xena',
  'Yusuf',
  'Zoe',
  'Arlo',
  'Bea',
  'Cal',
];
const LAST_NAMES = [
  'Ahmed',
  'Brown',
  'Clarke',
  'Davies',
  'Evans',
  'Fisher',
  'Green',
  'Hughes',
  'Iqbal',
  'Jones',
  'Khan',
  'Lewis',
  'Morgan',
  'Nowak',
  'Okafor',
  'Patel',
  'Quinn',
  'Roberts',
  'Singh',
  'Taylor',
  'Usman',
  'Vaughan',
  'Walker',
  'Young',
  'Yilmaz',
  'Zielinski',
  'Allen',
  'Baker',
  'Cox',
];

/** A stable, valid-looking object id for the n-th person, so reruns of the demo name the same people. */
function objectIdOf(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/**
 * The demo's staff: one communications officer, then people spread over every sector, its usual
 * roles and six localities (about four per sector), so a targeted briefing or pulse reaches some and not others.
 */
export function demoStaff(count = 30): DemoPerson[] {
  const people: DemoPerson[] = [
    {
      userId: '29:demo-comms',
      aadObjectId: objectIdOf(0xc0de),
      conversationId: 'a:demo-chat-comms',
      name: 'Casey Comms (communications team)',
      role: 'other',
      locality: LOCALITIES[0],
      authority: 'leicestershire',
      comms: true,
    },
  ];
  for (let n = 1; n < count; n += 1) {
    const sector = SECTORS[(n - 1) % SECTORS.length];
    const roles = ROLES.filter((r) => r.sector === sector.id);
    const role = roles[Math.floor((n - 1) / SECTORS.length) % roles.length];
    people.push({
      userId: `29:demo-${n}`,
      aadObjectId: objectIdOf(n),
      conversationId: `a:demo-chat-${n}`,
      name: `${FIRST_NAMES[(n - 1) % FIRST_NAMES.length]} ${LAST_NAMES[(n * 7) % LAST_NAMES.length]}`,
      sector: sector.id,
      role: role.id,
      locality: LOCALITIES[(n - 1) % LOCALITIES.length],
      authority: 'leicestershire',
      comms: false,
    });
  }
  return people;
}
