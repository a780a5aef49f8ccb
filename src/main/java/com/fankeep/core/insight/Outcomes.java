package com.fankeep.core.insight;

import com.fankeep.core.campaign.CampaignReport;
import com.fankeep.core.campaign.CampaignService;
import com.fankeep.core.launch.Launch;
import com.fankeep.core.launch.LaunchReport;
import com.fankeep.core.launch.LaunchService;
import com.fankeep.core.launch.PhaseReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Campaign and launch outcomes side by side (issue 15), taken from the campaigns' and launches' own reports (not
 * counted again here): the newest campaigns and launches, oldest first so the bars read left to right in time. A bar
 * opens the customers behind it through the campaign and launch participation rules where one names them; else its row
 * links to the campaign or launch page.
 */
public final class Outcomes {

    static final int NEWEST = 8;
    /** The window of "orders after" a campaign, as `campaign report` has it by default. */
    public static final int DAYS_AFTER = 30;
    /** The columns drawn as bars (counts); the rest are money, in the row's currency (data and tooltips only). */
    public static final int COUNT_COLUMNS = 4;

    private final CampaignService campaigns;
    private final LaunchService launches;

    public Outcomes(CampaignService campaigns, LaunchService launches) {
        this.campaigns = campaigns;
        this.launches = launches;
    }

    /** Two charts: "campaigns" and "launches". */
    public List<ChartData> charts() {
        return List.of(campaigns(), launches());
    }

    ChartData campaigns() {
        List<ChartData.Row> rows = new ArrayList<>();
        campaigns.list().stream().sorted(Comparator.comparingLong(c -> -c.id())).limit(NEWEST)
                .sorted(Comparator.comparingLong(c -> c.id())).forEach(c -> {
                    CampaignReport r = campaigns.report(c.id(), DAYS_AFTER);
                    rows.add(new ChartData.Row(label(r.name(), r.currency()), List.of(count(r.invited()), count(r.claimed()),
                            count(r.shipped()), count(r.ordersAfter()), money(r.cost()), money(r.netSpendAfter())), null,
                            new ChartData.Link("campaign", r.id()), campaignRules(r.name())));
                });
        return new ChartData("campaigns", List.of("audience", "claims", "shipped", "ordersAfter", "cost", "netSpendAfter"), rows);
    }

    ChartData launches() {
        List<ChartData.Row> rows = new ArrayList<>();
        launches.list().stream().sorted(Comparator.comparingLong(l -> -l.id())).limit(NEWEST)
                .sorted(Comparator.comparingLong(Launch::id)).forEach(l -> {
                    LaunchReport r = launches.report(l.id());
                    long reached = 0;
                    long requests = 0;
                    long allocated = 0;
                    long paid = 0;
                    BigDecimal revenue = BigDecimal.ZERO;
                    for (PhaseReport p : r.phases()) {
                        reached += p.reached() == null ? 0 : p.reached();
                        requests += p.requests();
                        allocated += p.allocated();
                        paid += p.paidOrders();
                        revenue = revenue.add(p.revenue() == null ? BigDecimal.ZERO : p.revenue());
                    }
                    rows.add(new ChartData.Row(label(l.name(), l.currency()), List.of(count(reached), count(requests), count(allocated),
                            count(paid), money(revenue)), null, new ChartData.Link("launch", l.id()), launchRules(l.name())));
                });
        return new ChartData("launches", List.of("reached", "requests", "allocated", "paid", "launchRevenue"), rows);
    }

    /**
     * The customers behind a campaign's bars as the segment rules name them (ADR 0026): its audience is everyone in it,
     * claims are the entries claimed or further, shipped those shipped or further — as the report counts them. Orders
     * after have no rule (the bar opens the campaign).
     */
    static List<String> campaignRules(String name) {
        String c = "campaign " + DashboardService.quote(name) + " = ";
        String shipped = c + "shipped or " + c + "delivered or " + c + "thanked";
        return java.util.Arrays.asList(c + "any", c + "claimed or " + c + "address_confirmed or " + shipped, shipped, null);
    }

    /** A launch's requests are its standing reservations, allocated its allocated ones; reached and paid have no rule. */
    static List<String> launchRules(String name) {
        String l = "launch " + DashboardService.quote(name) + " = ";
        return java.util.Arrays.asList(null, l + "reserved", l + "allocated", null);
    }

    private static String label(String name, String currency) {
        return currency == null ? name : name + " (" + currency + ")";
    }

    private static BigDecimal count(long n) {
        return BigDecimal.valueOf(n);
    }

    private static BigDecimal money(BigDecimal v) {
        return (v == null ? BigDecimal.ZERO : v).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
