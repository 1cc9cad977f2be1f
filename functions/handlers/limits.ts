// The API's size limit, apart from http.ts so that reading it loads no configuration or logger.

/** Bodies larger than this are refused with 413 before any parsing; the table's 400 KB item limit is further. */
export const maxBodyBytes = 262_144;
