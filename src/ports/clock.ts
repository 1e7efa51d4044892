interface Clock {
  now(): Date;
}

export type { Clock };
