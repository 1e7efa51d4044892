import { pino } from 'pino';

const silentLogger = pino({ level: 'silent' });

export { silentLogger };
