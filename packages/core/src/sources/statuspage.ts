import { StatusFormatError } from '../errors.js';
import type { StatusSource } from '../types.js';
import { isRecord } from './normalize.js';

export const statuspage: StatusSource = {
  id: 'statuspage',
  detect: (payload) => isRecord(payload) && isRecord(payload.page),
  parse: () => {
    throw new StatusFormatError('invalid-payload', 'not yet');
  },
};
