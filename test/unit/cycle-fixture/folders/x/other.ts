/** Imported from y/: with x/x.ts importing y/, the folders x and y import each other. */
export const other = 'other';
