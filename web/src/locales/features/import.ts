/** The import screen's words (filled in as the screen is built). */
export const vi = {};

export const en: typeof vi = {};
