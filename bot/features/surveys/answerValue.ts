/** An answer as stored: a number for ratings and scales, an option id or yes/no otherwise. */
export type AnswerValue = string | number;
