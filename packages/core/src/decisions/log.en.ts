/** English texts of the decisions feature's log part. */
export const logEn = {} as const;
