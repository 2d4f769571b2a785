import type { ProductUsage } from '../../ports/dashboardQueries';

/** D4, per product family. */
export interface SavingLine {
  family: string;
  name: string | null;
  overdueSeats: number;
  pricePerSeat: number | null;
  monthly: number | null;
}

export interface SavingView {
  totalMonthly: number;
  lines: SavingLine[];
  assumptionKeys: string[];
}

/** What the estimate assumes, as i18next keys shown under it. */
export const SAVING_ASSUMPTIONS = [
  'dashboard.saving.assumptions.overdueOnly',
  'dashboard.saving.assumptions.onePerSeat',
  'dashboard.saving.assumptions.pricesFromSettings',
];

const cents = (value: number): number => Math.round(value * 100) / 100;

/**
 * D4: if every overdue user's access were removed, each product family would free one seat per overdue user with
 * access (summed over sites); × the admin's monthly price per seat. Families without a price are listed, not summed.
 */
export const estimateSaving = (
  products: readonly (ProductUsage & { family: string })[],
  seatPrices: Readonly<Record<string, number>>,
): SavingView => {
  const byFamily = new Map<string, SavingLine>();
  for (const product of products) {
    const line = byFamily.get(product.family) ?? { family: product.family, name: product.name, overdueSeats: 0, pricePerSeat: null, monthly: null };
    line.overdueSeats += product.byState.overdue;
    byFamily.set(product.family, line);
  }
  const lines = [...byFamily.values()].map((line) => {
    const price = seatPrices[line.family] ?? null;
    return { ...line, pricePerSeat: price, monthly: price === null ? null : cents(price * line.overdueSeats) };
  });
  const totalMonthly = cents(lines.reduce((sum, line) => sum + (line.monthly ?? 0), 0));
  return { totalMonthly, lines, assumptionKeys: [...SAVING_ASSUMPTIONS] };
};
