/** Contract of the vending service (cabinet status, slots, vends). */
export const vendingApi = {} as const;
