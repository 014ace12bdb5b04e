/** English texts of the decisions feature's stages part. */
export const stagesEn = {} as const;
