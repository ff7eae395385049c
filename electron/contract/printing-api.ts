/** Contract of the printing service (receipt printer status, jobs, previews). */
export const printingApi = {} as const;
