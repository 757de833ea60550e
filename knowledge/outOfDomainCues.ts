/**
 * Words that mark a question as workplace business this bot does not cover — pay, leave, IT,
 * buildings, travel — or as small talk, even when other words in it are children's-services words
 * ("annual leave for social workers"). They are one signal among several for the answer model,
 * which learns how much they count; they never decide on their own.
 */
export const OUT_OF_DOMAIN_CUES: ReadonlySet<string> = new Set([
  // pay, pensions and expenses
  'pay', 'paid', 'payroll', 'payslip', 'payslips', 'salary', 'salaries', 'wage', 'wages', 'pension', 'pensions',
  'expenses', 'expense', 'mileage', 'overtime', 'tax', 'bonus',
  // leave and absence
  'holiday', 'holidays', 'sick', 'sickness', 'maternity', 'paternity', 'flexitime', 'flexi', 'timesheet', 'timesheets', 'rota',
  // IT and equipment
  'password', 'passwords', 'login', 'laptop', 'laptops', 'printer', 'printing', 'wifi', 'vpn', 'outlook', 'email', 'emails',
  'phone', 'mobile', 'software', 'install', 'reset', 'excel', 'website',
  // buildings and travel
  'parking', 'park', 'car', 'cars', 'canteen', 'lunch', 'desk', 'room', 'rooms', 'office', 'hall', 'lift', 'bus', 'taxi', 'travel',
  // the world outside work
  'weather', 'football', 'league', 'match', 'score', 'scores', 'recipe', 'film', 'films', 'tv', 'music', 'song', 'joke', 'birthday',
  'christmas', 'party', 'hotel', 'restaurant', 'pub', 'shop', 'shopping', 'price', 'cost', 'buy', 'sell', 'bank', 'mortgage', 'rent',
  'bin', 'bins', 'recycling', 'housing', 'elderly', 'dementia',
]);
