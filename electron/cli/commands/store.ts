import type { CliCommand } from '../types';

export const commands: CliCommand[] = [];
