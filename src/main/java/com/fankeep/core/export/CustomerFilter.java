package com.fankeep.core.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which customers an export takes; every part is optional and they all apply together. Merged-away and erased
 * customers are never exported.
 *
 * @param ids           exactly these customers (a selection), or null for all
 * @param recoveryState only customers in this recovery state (none, to_contact, …)
 * @param lapsedDays    only customers whose last order is older than this many days
 */
public record CustomerFilter(List<Long> ids, String recoveryState, String city, String tag, boolean hasPhone, Integer lapsedDays) {

    public static final CustomerFilter ALL = new CustomerFilter(null, null, null, null, false, null);

    public CustomerFilter {
        ids = ids == null ? null : ids.stream().distinct().sorted().toList(); // ascending: pages find their start by binary search
    }

    public static CustomerFilter ids(List<Long> ids) {
        return new CustomerFilter(ids, null, null, null, false, null);
    }

    /**
     * Reads the CLI's {@code --filter} values: {@code state=to_contact}, {@code city=上海市}, {@code tag=VIP},
     * {@code has-phone}, {@code lapsed=180}, {@code ids=3,5,8}.
     */
    public static CustomerFilter parse(List<String> parts) {
        CustomerFilter f = ALL;
        for (String part : parts) {
            int eq = part.indexOf('=');
            String key = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : part.substring(eq + 1).strip();
            f = switch (key) {
                case "state", "recovery" -> new CustomerFilter(f.ids, value, f.city, f.tag, f.hasPhone, f.lapsedDays);
                case "city" -> new CustomerFilter(f.ids, f.recoveryState, value, f.tag, f.hasPhone, f.lapsedDays);
                case "tag" -> new CustomerFilter(f.ids, f.recoveryState, f.city, value, f.hasPhone, f.lapsedDays);
                case "has-phone" -> new CustomerFilter(f.ids, f.recoveryState, f.city, f.tag, true, f.lapsedDays);
                case "lapsed" -> new CustomerFilter(f.ids, f.recoveryState, f.city, f.tag, f.hasPhone, Integer.valueOf(value));
                case "ids" -> {
                    List<Long> ids = new ArrayList<>();
                    for (String id : value.split("[,\\s]+")) {
                        if (!id.isBlank()) {
                            ids.add(Long.valueOf(id));
                        }
                    }
                    yield new CustomerFilter(ids, f.recoveryState, f.city, f.tag, f.hasPhone, f.lapsedDays);
                }
                default -> throw new IllegalArgumentException("unknown filter '" + part
                        + "'; use state=…, city=…, tag=…, has-phone, lapsed=DAYS, ids=1,2,3");
            };
        }
        return f;
    }

    /** One line for the export log (no personal data: ids are counted, not listed). */
    public String describe() {
        List<String> out = new ArrayList<>();
        if (ids != null) {
            out.add(ids.size() + " selected");
        }
        if (recoveryState != null) {
            out.add("state=" + recoveryState);
        }
        if (city != null) {
            out.add("city=" + city);
        }
        if (tag != null) {
            out.add("tag=" + tag);
        }
        if (hasPhone) {
            out.add("has-phone");
        }
        if (lapsedDays != null) {
            out.add("lapsed=" + lapsedDays);
        }
        return out.isEmpty() ? "all" : String.join(" ", out);
    }
}
