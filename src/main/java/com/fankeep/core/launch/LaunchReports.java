package com.fankeep.core.launch;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** One phase's figures for {@link LaunchService#report}: orders count when paid, in the window, in the launch's currency. */
final class LaunchReports {

    private LaunchReports() {
    }

    static PhaseReport phase(LaunchRepository repo, Launch l, LaunchPhase p, SkuPattern pattern, List<Vote> currentVotes,
                             List<Reservation> reservations) throws SQLException {
        boolean warmup = p.kind() == PhaseKind.WARMUP;
        boolean first = p.kind() == PhaseKind.FIRST_BATCH;
        int votes = warmup ? currentVotes.size() : 0;
        int want = warmup ? (int) currentVotes.stream().filter(v -> "want".equals(v.choice())).count() : 0;
        BigDecimal median = warmup ? PriceStats.of(currentVotes.stream().map(Vote::priceGuess).filter(Objects::nonNull).toList()).median() : null;
        int requests = first ? (int) reservations.stream().filter(r -> !"cancelled".equals(r.state())).count() : 0;
        Set<Long> allocatedFans = new HashSet<>();
        reservations.stream().filter(r -> r.allocated() > 0 && !"cancelled".equals(r.state())).forEach(r -> allocatedFans.add(r.customerId()));
        int allocated = first ? reservations.stream().filter(r -> !"cancelled".equals(r.state())).mapToInt(Reservation::allocated).sum() : 0;

        Map<BigDecimal, BigDecimal> byPrice = new TreeMap<>();
        BigDecimal revenue = BigDecimal.ZERO;
        int paidOrders = 0;
        int units = 0;
        Set<Long> buyers = new HashSet<>();
        boolean sells = p.kind().sells();
        if (sells) {
            for (WindowOrder o : repo.orders(p.from(), p.to())) {
                if (!o.paid() || !l.currency().equals(o.currency()) || !OrderMatcher.matchesProduct(o, pattern)) {
                    continue;
                }
                paidOrders++;
                if (o.customerId() != null) {
                    buyers.add(o.customerId());
                }
                for (WindowOrder.Line line : o.lines()) {
                    if (pattern.matches(line.sku(), line.title()) && line.lineTotal() != null) {
                        units += line.quantity();
                        BigDecimal price = line.unitPrice() == null ? BigDecimal.ZERO : line.unitPrice();
                        byPrice.merge(price, line.lineTotal(), BigDecimal::add);
                        revenue = revenue.add(line.lineTotal());
                    }
                }
            }
        }
        int returning = repo.orderedBefore(buyers, p.from()).size();
        int vipAfter = 0;
        BigDecimal spendAfter = BigDecimal.ZERO;
        if (first && p.to() != null && !allocatedFans.isEmpty()) {
            Set<Long> seen = new HashSet<>();
            for (WindowOrder o : repo.orders(p.to(), null)) {
                if (o.paid() && o.orderedAt().isAfter(p.to()) && o.customerId() != null && allocatedFans.contains(o.customerId())
                        && l.currency().equals(o.currency())) {
                    seen.add(o.customerId());
                    spendAfter = spendAfter.add(o.paidAmount() == null ? BigDecimal.ZERO : o.paidAmount());
                }
            }
            vipAfter = seen.size();
        }
        return new PhaseReport(p.kind(), p.from(), p.to(), p.price(), p.reached(), votes, want, median, requests, allocated,
                paidOrders, units, byPrice, revenue, buyers.size(), buyers.size() - returning, returning, vipAfter, spendAfter);
    }
}
