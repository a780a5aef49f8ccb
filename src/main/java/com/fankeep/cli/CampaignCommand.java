package com.fankeep.cli;

import com.fankeep.core.campaign.Campaign;
import com.fankeep.core.campaign.CampaignException;
import com.fankeep.core.campaign.CampaignKind;
import com.fankeep.core.campaign.CampaignReport;
import com.fankeep.core.campaign.CampaignService;
import com.fankeep.core.campaign.ClaimPriority;
import com.fankeep.core.campaign.ClaimResult;
import com.fankeep.core.campaign.NewCampaign;
import com.fankeep.core.campaign.CustomLayout;
import com.fankeep.core.campaign.TrackingImportResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = "Gift campaigns: limited gifts fans claim, shipped, thanked and accounted.",
        subcommands = {CampaignCommand.Create.class, CampaignCommand.Announce.class, CampaignCommand.Claim.class,
                CampaignCommand.Cancel.class, CampaignCommand.Ship.class, CampaignCommand.ShippingList.class,
                CampaignCommand.TrackingImport.class, CampaignCommand.Report.class, CampaignCommand.ListCampaigns.class,
                CampaignCommand.Layout.class})
final class CampaignCommand {

    abstract static class Base extends ServiceCommand {
        Base(CliContext context) {
            super(context);
        }

        CampaignService campaigns() {
            return services().campaigns();
        }

    }

    /** T as YYYY-MM-DD (the start of that day, or with {@code endOfDay} the start of the next) or YYYY-MM-DDTHH:MM, local time. */
    static OffsetDateTime time(String t, boolean endOfDay) {
        if (t == null) {
            return null;
        }
        ZoneId zone = ZoneId.systemDefault();
        try {
            if (t.length() == 10) {
                LocalDate d = LocalDate.parse(t);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(zone).toOffsetDateTime();
            }
            return LocalDateTime.parse(t).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new CampaignException("campaign.error.time", "a time is YYYY-MM-DD or YYYY-MM-DDTHH:MM", t);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Creates a draft campaign; its audience (a saved segment or rule, a group, or --customers) is resolved now.",
                    "Do-not-contact customers are left out and counted unless --include-do-not-contact."})
    static final class Create extends Base {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--kind", required = true, description = "card, gift, sample, referral or other")
        String kind;
        @Option(names = "--gift", required = true, paramLabel = "TEXT")
        String gift;
        @Option(names = "--unit-cost", required = true, paramLabel = "X")
        BigDecimal unitCost;
        @Option(names = "--shipping-cost", required = true, paramLabel = "X", description = "per parcel")
        BigDecimal shippingCost;
        @Option(names = "--currency", required = true, paramLabel = "C")
        String currency;
        @Option(names = "--quantity", required = true, paramLabel = "N")
        int quantity;
        @Option(names = "--per-customer", required = true, paramLabel = "N")
        int perCustomer;
        @Option(names = "--opens", required = true, paramLabel = "T", description = "YYYY-MM-DD or YYYY-MM-DDTHH:MM, local time")
        String opens;
        @Option(names = "--closes", required = true, paramLabel = "T", description = "a date closes at the end of that day")
        String closes;
        @Option(names = "--audience", paramLabel = "SEGMENT", description = "a saved segment or a rule")
        String audience;
        @Option(names = "--group", paramLabel = "G", description = "a group's name")
        String group;
        @Option(names = "--customers", split = ",", paramLabel = "ID", description = "hand-picked customer ids")
        List<Long> customers;
        @Option(names = "--include-do-not-contact")
        boolean includeDnc;
        @Option(names = "--message", paramLabel = "TEMPLATE", description = "the announcement, e.g. \"{name}，新年贺卡限量，回复领取\"")
        String message;
        @Option(names = "--priority", defaultValue = "time", description = "time or tier")
        String priority;
        @Mixin
        JsonOption json;

        Create(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            Long groupId = group == null ? null : services().groups().find(group).id();
            Campaign c = campaigns().create(new NewCampaign(name, CampaignKind.of(kind), gift, unitCost, shippingCost, currency,
                    quantity, perCustomer, time(opens, false), time(closes, true), audience, groupId, customers, includeDnc,
                    message, ClaimPriority.of(priority)));
            int invited = campaigns().entries(c.id()).size();
            if (json.on) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                m.put("invited", invited);
                m.put("doNotContactLeftOut", c.dncLeftOut());
                json(m);
            } else {
                context.out().println(messages().get("cli.campaign.created", Long.toString(c.id()), c.name(), invited, c.dncLeftOut()));
            }
            return 0;
        }
    }

    @Command(name = "announce", mixinStandardHelpOptions = true,
            description = "Announces: one follow-up per audience member to send the personal message (rendered per fan).")
    static final class Announce extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        Announce(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            int n = campaigns().announce(id);
            context.out().println(messages().get("cli.campaign.announced", Long.toString(id), n));
            return 0;
        }
    }

    @Command(name = "claim", mixinStandardHelpOptions = true,
            description = {"Records a claim: a unit of the stock, or the waitlist when none is left.",
                    "A customer outside the audience needs --yes (recorded as such)."})
    static final class Claim extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Parameters(index = "1", paramLabel = "CUSTOMER", description = "customer id")
        long customer;
        @Option(names = "--channel", defaultValue = "wechat", paramLabel = "C", description = "wechat, qq, phone, in_person, other…")
        String channel;
        @Option(names = "--at", paramLabel = "T", description = "when the claim came in (default now)")
        String at;
        @Option(names = "--units", defaultValue = "1", paramLabel = "N")
        int units;
        @Option(names = "--yes", description = "confirm a claim from outside the audience")
        boolean yes;
        @Mixin
        JsonOption json;

        Claim(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            ClaimResult r = campaigns().claim(id, customer, channel, time(at, false), units, yes);
            if (json.on) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("state", r.state().code());
                m.put("stockLeft", r.stockLeft());
                m.put("outsideAudience", r.outsideAudience());
                json(m);
            } else {
                context.out().println(messages().get("cli.campaign.claimed." + r.state().code(), Long.toString(customer), r.stockLeft()));
            }
            return 0;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancels a claim (or a place on the waitlist); the waitlist moves up, each promoted customer gets a follow-up.")
    static final class Cancel extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Parameters(index = "1", paramLabel = "CUSTOMER")
        long customer;

        Cancel(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            List<Long> up = campaigns().cancel(id, customer);
            context.out().println(messages().get("cli.campaign.cancelled", Long.toString(customer), up.size(), up.toString()));
            return 0;
        }
    }

    @Command(name = "ship", mixinStandardHelpOptions = true,
            description = "Marks a claim shipped; follow-ups: tell them today, ask whether it arrived in a few days.")
    static final class Ship extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Parameters(index = "1", paramLabel = "CUSTOMER")
        long customer;
        @Option(names = "--carrier", required = true, paramLabel = "C")
        String carrier;
        @Option(names = "--tracking", required = true, paramLabel = "NO")
        String tracking;

        Ship(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            campaigns().ship(id, customer, carrier, tracking);
            context.out().println(messages().get("cli.campaign.shipped", Long.toString(customer), carrier, tracking));
            return 0;
        }
    }

    @Command(name = "shipping-list", mixinStandardHelpOptions = true,
            description = "Writes the claims still to ship for the courier (.xlsx or .csv), in a layout: generic, sf (顺丰), ky (跨越) "
                    + "or a saved layout's name (campaign layout save).")
    static final class ShippingList extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;
        @Option(names = "--layout", defaultValue = "generic", paramLabel = "NAME")
        String layout;
        @Option(names = "--mask-phones", description = "138****8000 instead of the number")
        boolean mask;

        ShippingList(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            try {
                int n = campaigns().shippingList(id, out, layout, mask);
                context.out().println(messages().get("cli.campaign.shippingList", n, out));
                return 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Command(name = "tracking-import", mixinStandardHelpOptions = true,
            description = "Reads the courier's file back: matched rows become shipped with their tracking number; the rest are listed.")
    static final class TrackingImport extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Parameters(index = "1", paramLabel = "FILE")
        Path file;
        @Option(names = "--carrier", paramLabel = "C", description = "when the file does not name it")
        String carrier;
        @Mixin
        JsonOption json;

        TrackingImport(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            try {
                TrackingImportResult r = campaigns().importTracking(id, file, carrier);
                if (json.on) {
                    json(r);
                } else {
                    context.out().println(messages().get("cli.campaign.trackingImported", r.shipped(), r.unmatched().size()));
                    r.unmatched().forEach(u -> context.out().println("  " + u));
                }
                return 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Results: claims, claim rate per tier, cost against budget, parcels, and orders after vs similar customers not in it.")
    static final class Report extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Option(names = "--days", defaultValue = "30", paramLabel = "N", description = "days after the claim window closed")
        int days;
        @Mixin
        JsonOption json;

        Report(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            CampaignReport r = campaigns().report(id, days);
            if (json.on) {
                json(r);
                return 0;
            }
            var m = messages();
            context.out().println(m.get("cli.campaign.report.head", r.name(), r.status()));
            context.out().println(m.get("cli.campaign.report.claims", r.invited(), r.claimed(), r.claimedUnits(), r.waitlisted(),
                    r.outsideAudience()));
            context.out().println(m.get("cli.campaign.report.cost", r.cost().toPlainString(), r.budget().toPlainString(), r.currency()));
            context.out().println(m.get("cli.campaign.report.parcels", r.shipped(), r.delivered(), r.thanked()));
            r.claimRates().forEach(t -> context.out().println(m.get("cli.campaign.report.tier", t.tier(), t.claimed(), t.invited(),
                    t.rate().movePointRight(2).stripTrailingZeros().toPlainString())));
            context.out().println(m.get("cli.campaign.report.after", r.days(), r.participants(), r.ordersAfter(),
                    r.netSpendAfter().toPlainString(), r.ordersPerParticipant().toPlainString(), r.netPerParticipant().toPlainString(),
                    r.comparisonCustomers(), r.comparisonOrdersPerCustomer().toPlainString(),
                    r.comparisonNetPerCustomer().toPlainString(), r.currency()));
            return 0;
        }
    }

    @Command(name = "layout", mixinStandardHelpOptions = true,
            description = "The owner's shipping list layouts for their courier's bulk-order template.",
            subcommands = {LayoutSave.class, LayoutList.class, LayoutDelete.class})
    static final class Layout {
    }

    @Command(name = "save", mixinStandardHelpOptions = true,
            description = "Saves (or replaces) a layout: the columns in order as header=field, fields name, phone, province, city, "
                    + "district, address, full_address, gift, quantity, reference, text:WORDS, empty.")
    static final class LayoutSave extends Base {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--columns", required = true, paramLabel = "HEADER=FIELD,…")
        String columns;

        LayoutSave(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            CustomLayout l = campaigns().saveLayout(name, columns);
            context.out().println(messages().get("cli.campaign.layoutSaved", l.name(), l.columns().size()));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the saved layouts with their columns.")
    static final class LayoutList extends Base {
        @Mixin
        JsonOption json;

        LayoutList(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            List<CustomLayout> list = campaigns().layouts();
            return rowsOrJson(json.on, list.stream().map(l -> new LayoutJson(l.name(), l.spec())).toList(), list,
                    (CustomLayout l) -> l.name() + "\t" + l.spec());
        }

        record LayoutJson(String name, String columns) {
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a saved layout.")
    static final class LayoutDelete extends Base {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        LayoutDelete(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            campaigns().deleteLayout(name);
            context.out().println(messages().get("cli.campaign.layoutDeleted", name));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the campaigns: status, stock left, claims, cost so far.")
    static final class ListCampaigns extends Base {
        @Mixin
        JsonOption json;

        ListCampaigns(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            List<Campaign> list = campaigns().list();
            return rowsOrJson(json.on, list.stream().map(ListCampaigns::fields).toList(), list, c -> messages().get("cli.campaign.listRow",
                    Long.toString(c.id()), c.name(), c.status().code(), c.stockLeft(), c.quantity(), c.claims(), c.costSoFar().toPlainString(),
                    c.currency()));
        }

        private static Map<String, Object> fields(Campaign c) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("name", c.name());
            m.put("kind", c.kind().code());
            m.put("status", c.status().code());
            m.put("quantity", c.quantity());
            m.put("stockLeft", c.stockLeft());
            m.put("claims", c.claims());
            m.put("cost", c.costSoFar());
            m.put("currency", c.currency());
            return m;
        }
    }
}
