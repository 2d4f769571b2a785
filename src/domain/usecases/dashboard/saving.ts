import type { ProductUsage, ProtectedSeats } from '../../ports/dashboardQueries';

/** D4, per product family with a price. */
export interface SavingLine {
  family: string;
  name: string | null;
  /** Billable seats of overdue users who are not protected, summed over the family's sites. */
  overdueSeats: number;
  pricePerSeat: number;
  monthly: number;
}

/** D4: no lines when no product with users has a price (the page then says how to set prices). */
export interface SavingView {
  currency: string;
  totalMonthly: number;
  lines: SavingLine[];
  assumptionKeys: string[];
}

/** What the estimate assumes, as i18next keys shown under it. */
export const SAVING_ASSUMPTIONS = [
  'dashboard.saving.assumptions.overdueOnly',
  'dashboard.saving.assumptions.billableOnly',
  'dashboard.saving.assumptions.protectedExcluded',
  'dashboard.saving.assumptions.onePerSeat',
  'dashboard.saving.assumptions.pricesFromSettings',
];

const cents = (value: number): number => Math.round(value * 100) / 100;

/**
 * D4: if every overdue user's access were removed, each product family would free the billable seats of its overdue
 * users who are not protected (summed over sites); × the admin's monthly price per seat, in the admin's currency.
 * A family without a price is left out: there is nothing to estimate for it.
 */
export const estimateSaving = (
  products: readonly (ProductUsage & { family: string })[],
  prices: { seatPrices: Readonly<Record<string, number>>; seatCurrency: string },
  protectedSeats: readonly ProtectedSeats[] = [],
): SavingView => {
  const held = new Map(protectedSeats.map((s) => [`${s.productKey} ${s.resourceId}`, s.seats]));
  const byFamily = new Map<string, SavingLine>();
  for (const product of products) {
    const price = prices.seatPrices[product.family];
    if (price === undefined) continue;
    const line = byFamily.get(product.family) ?? { family: product.family, name: product.name, overdueSeats: 0, pricePerSeat: price, monthly: 0 };
    line.overdueSeats += product.overdueSeats - (held.get(`${product.productKey} ${product.resourceId}`) ?? 0);
    line.monthly = cents(price * line.overdueSeats);
    byFamily.set(product.family, line);
  }
  const lines = [...byFamily.values()];
  const totalMonthly = cents(lines.reduce((sum, line) => sum + line.monthly, 0));
  return { currency: prices.seatCurrency, totalMonthly, lines, assumptionKeys: [...SAVING_ASSUMPTIONS] };
};
