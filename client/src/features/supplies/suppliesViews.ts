/** The views of the desk's 物资 tab, in the order of its view switch. */
export const SUPPLIES_VIEWS = ['stock', 'movement', 'stocktake', 'runs', 'ledger'] as const;
export type SuppliesView = (typeof SUPPLIES_VIEWS)[number];
