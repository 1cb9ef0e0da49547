import { funnelChart, trendChart, type FunnelInput, type TrendInput } from "./charts.js";
import type { Picture } from "./picture.js";

// The two charts of the figures as one task, drawn by one worker thread (see src/workers): the
// chart libraries load once for both.

export async function statsCharts({ funnel, trend }: { funnel: FunnelInput; trend: TrendInput }): Promise<{ funnel: Picture; trend: Picture }> {
  const [funnelPicture, trendPicture] = await Promise.all([funnelChart(funnel), trendChart(trend)]);
  return { funnel: funnelPicture, trend: trendPicture };
}
