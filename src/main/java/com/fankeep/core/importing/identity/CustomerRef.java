package com.fankeep.core.importing.identity;

/** A customer an import row resolved to: an existing one (id known) or one this import creates (id set on insert). */
public final class CustomerRef {

    private Long id;
    private final boolean created;
    // Running figures (see ImportRun#finish): of a customer this import created, or of the orders it adds to one from
    // before: revenue orders, first/last order, net spend per currency. One currency inline, further ones in a map.
    private int revenueOrders;
    private java.time.OffsetDateTime firstOrder;
    private java.time.OffsetDateTime lastOrder;
    private String currency;
    private java.math.BigDecimal spend;
    private java.util.Map<String, Spend> otherCurrencies;
    // The list's sort keys from its channels (V0040), for a customer this import created: every channel it has came
    // from this import, so they are known without asking the database.
    private String firstNickname;
    private int channelCount;

    /** Net spend and revenue orders in one currency. */
    public record Spend(java.math.BigDecimal net, int orders) {
    }

    private CustomerRef(Long id, boolean created) {
        this.id = id;
        this.created = created;
    }

    public static CustomerRef existing(long id) {
        return new CustomerRef(id, false);
    }

    public static CustomerRef created() {
        return new CustomerRef(null, true);
    }

    public Long id() {
        return id;
    }

    public void assign(long newId) {
        if (id != null) {
            throw new IllegalStateException("customer already has id " + id);
        }
        id = newId;
    }

    /** Adds a revenue order to the running figures. */
    public void addRevenueOrder(java.time.OffsetDateTime at, String orderCurrency, java.math.BigDecimal net) {
        revenueOrders++;
        if (at != null) {
            firstOrder = firstOrder == null || at.isBefore(firstOrder) ? at : firstOrder;
            lastOrder = lastOrder == null || at.isAfter(lastOrder) ? at : lastOrder;
        }
        if (currency == null || currency.equals(orderCurrency)) {
            currency = orderCurrency;
            spend = spend == null ? net : spend.add(net);
            return;
        }
        if (otherCurrencies == null) {
            otherCurrencies = new java.util.TreeMap<>();
        }
        otherCurrencies.merge(orderCurrency, new Spend(net, 1), (a, b) -> new Spend(a.net().add(b.net()), a.orders() + b.orders()));
    }

    /** Counts a channel stored for this (newly created) customer: the first nickname and the other channels sort the list. */
    public void addStoredChannel(String kind, String storedRaw) {
        if (!"nickname".equals(kind)) {
            channelCount++;
        } else if (storedRaw != null && (firstNickname == null || storedRaw.compareTo(firstNickname) < 0)) {
            firstNickname = storedRaw;
        }
    }

    /** The smallest nickname stored (as the database's min() compares text), or "" without one. */
    public String firstNickname() {
        return firstNickname == null ? "" : firstNickname;
    }

    /** Channels stored other than nicknames. */
    public int channelCount() {
        return channelCount;
    }

    public int revenueOrders() {
        return revenueOrders;
    }

    public java.time.OffsetDateTime firstOrder() {
        return firstOrder;
    }

    public java.time.OffsetDateTime lastOrder() {
        return lastOrder;
    }

    /** Net spend per currency with the number of revenue orders in it. */
    public java.util.Map<String, Spend> spendByCurrency() {
        java.util.Map<String, Spend> all = new java.util.TreeMap<>();
        if (currency != null) {
            int inOthers = otherCurrencies == null ? 0 : otherCurrencies.values().stream().mapToInt(Spend::orders).sum();
            all.put(currency, new Spend(spend, revenueOrders - inOthers));
        }
        if (otherCurrencies != null) {
            all.putAll(otherCurrencies);
        }
        return all;
    }

    /** True when this import created the customer. */
    public boolean isCreated() {
        return created;
    }

    @Override
    public String toString() {
        return (created ? "new:" : "") + id;
    }
}
