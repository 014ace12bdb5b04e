/** English texts of the decisions feature's create part. */
export const createEn = {} as const;
