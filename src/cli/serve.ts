import { serve } from '../main.ts';

export const run = (): Promise<void> => serve();
