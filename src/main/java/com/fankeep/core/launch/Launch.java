package com.fankeep.core.launch;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** A launch with its phases in order. {@code status} is the kind of the phase last started, or planning. */
public record Launch(long id, String name, String product, String skuPattern, String currency, Integer plannedQuantity,
                     BigDecimal unitCost, int expiryHours, String status, List<LaunchPhase> phases) {

    public Launch {
        phases = List.copyOf(phases);
    }

    public Optional<LaunchPhase> phase(PhaseKind kind) {
        return phases.stream().filter(p -> p.kind() == kind).findFirst();
    }

    /** The price fans' guesses are held against: the public price, else the VIP price. */
    public BigDecimal plannedPrice() {
        return phase(PhaseKind.PUBLIC).map(LaunchPhase::price)
                .or(() -> phase(PhaseKind.FIRST_BATCH).map(LaunchPhase::price)).orElse(null);
    }
}
