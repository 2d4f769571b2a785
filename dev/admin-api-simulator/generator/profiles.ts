import { Faker, base, en } from '@faker-js/faker';

/** Name lists taken once from faker's English locale; the simulator draws from them with its own Rng. */
export interface NameLists {
  first: readonly string[];
  last: readonly string[];
}

let cached: NameLists | undefined;

/** First and last names (thousands of each) for realistic, reproducible people. */
export function nameLists(): NameLists {
  if (cached) return cached;
  const faker = new Faker({ locale: [en, base] });
  const first = faker.definitions.person.first_name;
  const last = faker.definitions.person.last_name;
  cached = {
    first: [...new Set([...(first.generic ?? []), ...(first.female ?? []), ...(first.male ?? [])])],
    last: [...new Set(last.generic ?? [])],
  };
  return cached;
}

/** Departments; team groups are named after them. */
export const DEPARTMENTS = [
  'Engineering', 'Sales', 'Marketing', 'Finance', 'Human Resources', 'Legal', 'Support', 'Operations',
  'Product', 'Design', 'IT', 'Security', 'Data', 'Procurement', 'Facilities', 'Customer Success',
] as const;

const TITLES = ['Engineer', 'Senior Engineer', 'Manager', 'Analyst', 'Specialist', 'Lead', 'Director', 'Associate'];

/** Offices and their IANA time zones. */
const LOCATIONS: readonly (readonly [string, string])[] = [
  ['New York', 'America/New_York'], ['San Francisco', 'America/Los_Angeles'], ['Austin', 'America/Chicago'],
  ['London', 'Europe/London'], ['Berlin', 'Europe/Berlin'], ['Amsterdam', 'Europe/Amsterdam'],
  ['Sydney', 'Australia/Sydney'], ['Bengaluru', 'Asia/Kolkata'], ['Tokyo', 'Asia/Tokyo'], ['Remote', 'UTC'],
];

/** Mail domains of accounts the org does not manage. */
export const EXTERNAL_DOMAINS = [
  'gmail.com', 'outlook.com', 'yahoo.com', 'contractor-hub.io', 'partner-agency.com', 'freelance.dev',
] as const;

/** Profile fields of a user, derived from the user's profile number (so they need no memory per user). */
export interface Profile {
  jobTitle: string;
  department: string;
  location: string;
  timeZone: string;
}

/** The profile behind a profile number; stable for a given number. */
export function profileOf(profile: number): Profile {
  const department = DEPARTMENTS[profile % DEPARTMENTS.length] ?? 'Engineering';
  const title = TITLES[Math.floor(profile / DEPARTMENTS.length) % TITLES.length] ?? 'Engineer';
  const place = LOCATIONS[Math.floor(profile / 7) % LOCATIONS.length] ?? ['Remote', 'UTC'];
  return { jobTitle: `${department} ${title}`, department, location: place[0], timeZone: place[1] };
}
