package com.fankeep.core.importing.format;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.model.Address;
import com.fankeep.core.importing.model.Buyer;
import com.fankeep.core.importing.model.ImportedOrder;
import com.fankeep.core.importing.model.OrderStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Etsy EtsySoldOrders*.csv (§9): one row per order, dates MM/DD/YY, no phone and no e-mail: the buyer is known by
 * the Buyer User ID (an "etsy" account), shown by its Buyer username. The items come from EtsySoldOrderItems ({@link EtsyItemsFormat}).
 */
public final class EtsyOrdersFormat implements ExportFormat {

    static final String ORDER_ID = "Order ID";

    @Override
    public String id() {
        return "etsy_orders";
    }

    @Override
    public int score(Header h) {
        if (!h.has("Sale Date", ORDER_ID, "Order Total") || h.find("Buyer User ID", "Buyer") < 0 || h.has("Item Name")) {
            return 0;
        }
        return 10 + h.count("Buyer User ID", "Full Name", "First Name", "Last Name", "Number of Items", "Payment Method",
                "Date Shipped", "Street 1", "Ship City", "Ship Zipcode", "Ship Country", "Currency", "Order Value",
                "Shipping", "Sales Tax", "Status", "Order Net", "Adjusted Order Total", "Buyer");
    }

    @Override
    public FormatReader reader(Header header, FormatContext context) {
        RowReader r = new RowReader(header, context, DateParser.DayOrder.MONTH_FIRST);
        String shopCurrency = context.currency().of("etsy");
        return new OneOrderPerRow(r, ORDER_ID, (row, no) -> order(row, no, shopCurrency));
    }

    private static ImportedOrder order(RowReader r, String no, String shopCurrency) {
        String platformStatus = r.text("Status");
        var shippedAt = r.time("Date Shipped");
        OrderStatus status = r.known(EtsyStatus.of(platformStatus, shippedAt != null), "Status", platformStatus);
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        BigDecimal total = r.money("Order Total");
        BigDecimal adjusted = r.money("Adjusted Order Total");
        BigDecimal refunded = zero;
        // Etsy fills the Adjusted columns once a refund was given: what is left of the order total
        if (total != null && adjusted != null && adjusted.compareTo(total) < 0) {
            refunded = total.subtract(adjusted.max(zero));
            if (status.isRevenue()) {
                status = adjusted.signum() <= 0 ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
            }
        } else if (status == OrderStatus.REFUNDED && total != null) {
            refunded = total;
        }
        if (status != OrderStatus.REFUNDED && status != OrderStatus.PARTIALLY_REFUNDED) {
            refunded = zero;
        }
        String country = r.text("Ship Country");
        String name = r.text("Full Name");
        if (name == null) {
            name = PersonNames.join(r.text("First Name"), r.text("Last Name"));
        }
        // the numeric Buyer User ID stays the account key (a username can change); the Buyer username is the
        // nickname the owner knows and sees
        String userId = r.text("Buyer User ID");
        String username = r.text("Buyer");
        String account = userId != null ? userId : username;
        Buyer buyer = new Buyer(account, name, List.of(), null, null, null, CountryCodes.iso(country),
                userId != null ? username : null);
        Address receiver = new Address(name, null, country, r.text("Ship State"), r.text("Ship City"), null,
                PersonNames.street(r.text("Street 1"), r.text("Street 2")), r.text("Ship Zipcode"));
        String currency = r.text("Currency");
        if (currency == null && shopCurrency != null) {
            currency = shopCurrency;
        } else if (currency == null) {
            r.problem("Currency", "unknown_currency", "no currency code: amounts taken as USD", true);
            currency = "USD";
        }
        BigDecimal discount = r.money("Discount Amount");
        BigDecimal shippingDiscount = r.money("Shipping Discount");
        if (discount != null && shippingDiscount != null) {
            discount = discount.add(shippingDiscount);
        }
        var saleDate = r.time("Sale Date");
        return new ImportedOrder("etsy", no, status, platformStatus, currency.toUpperCase(Locale.ROOT), r.money("Order Value"),
                r.money("Shipping"), discount, total, total, refunded, saleDate, saleDate, shippedAt, null, null, buyer,
                receiver, null, null, null, null, List.of(), r.source());
    }
}
