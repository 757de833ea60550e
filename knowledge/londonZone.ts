/** The time zone of every English council: dates and times staff type or read are in it. */
export const LONDON_ZONE = 'Europe/London';
