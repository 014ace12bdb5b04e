/** English texts of the decisions feature's vote part. */
export const voteEn = {} as const;
