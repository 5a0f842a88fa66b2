export { CLOCK, Clock, FixedClock, systemClock, todayOf, vietnamDay } from './lib/clock';
