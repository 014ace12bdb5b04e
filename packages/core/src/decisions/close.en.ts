/** English texts of the decisions feature's close part. */
export const closeEn = {} as const;
