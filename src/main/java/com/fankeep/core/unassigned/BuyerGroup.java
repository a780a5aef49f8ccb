package com.fankeep.core.unassigned;

import java.util.List;

/**
 * One "unidentified buyer": orders without a customer whose receiver has the same masked phone, surname and
 * address, so attaching one attaches them all. Name, phone and place are as the export showed them (masked).
 */
public record BuyerGroup(String key, String name, String phone, String place, List<UnassignedOrder> orders,
                         List<Suggestion> suggestions) {

    public BuyerGroup {
        orders = List.copyOf(orders);
        suggestions = List.copyOf(suggestions);
    }
}
