package com.fankeep.core.campaign;

import com.fankeep.core.shared.Messages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A shipping list layout the owner defined for their courier's bulk-order template: the columns in order, each a
 * header and the field that fills it ({@code text} writes a fixed text, {@code empty} leaves the cell empty).
 * Written as {@code 收件人=name,手机=phone,备注=text:感谢支持,运单号=empty}.
 */
public record CustomLayout(String name, List<Column> columns) implements ShippingColumns {

    /** The fields a column can hold, as the owner writes them. */
    public enum Field {
        NAME, PHONE, PROVINCE, CITY, DISTRICT, ADDRESS, FULL_ADDRESS, GIFT, QUANTITY, REFERENCE, TEXT, EMPTY;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Field of(String code) {
            for (Field f : values()) {
                if (f.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            return null;
        }

        static String codes() {
            return String.join(", ", java.util.Arrays.stream(values()).map(Field::code).toList());
        }
    }

    /** One column: its header, its field and, for {@code text}, the text. */
    public record Column(String header, String field, String text) {
    }

    public static final int MAX_COLUMNS = 100;

    /** Checks the name and the columns: every refusal names what is wrong (nothing is saved then). */
    public CustomLayout {
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new CampaignException("campaign.error.layoutName", "a layout needs a name of 1 to 200 characters", name);
        }
        if (ShippingLayout.isBuiltIn(name)) {
            throw new CampaignException("campaign.error.layoutBuiltIn", name + " is a built-in layout's name", name);
        }
        if (columns == null || columns.isEmpty() || columns.size() > MAX_COLUMNS) {
            throw new CampaignException("campaign.error.layoutColumns", "a layout has 1 to " + MAX_COLUMNS + " columns", MAX_COLUMNS);
        }
        List<Column> clean = new ArrayList<>();
        Set<String> headers = new HashSet<>();
        Set<Field> used = new HashSet<>();
        for (Column c : columns) {
            String header = c.header() == null ? "" : c.header().strip();
            Field f = c.field() == null ? null : Field.of(c.field());
            if (header.isEmpty() || header.length() > 200) {
                throw new CampaignException("campaign.error.layoutHeader", "a column needs a header", c.field());
            }
            if (f == null) {
                throw new CampaignException("campaign.error.layoutField", "unknown field " + c.field() + " for " + header
                        + "; fields are " + Field.codes(), header, c.field(), Field.codes());
            }
            if (!headers.add(header)) {
                throw new CampaignException("campaign.error.layoutDuplicate", "two columns are headed " + header, header);
            }
            String text = f == Field.TEXT ? (c.text() == null ? "" : c.text()) : null;
            if (f == Field.TEXT && (text.isBlank() || text.length() > 500)) {
                throw new CampaignException("campaign.error.layoutText", "text needs its words, as text:…", header);
            }
            used.add(f);
            clean.add(new Column(header, f.code(), text));
        }
        if (!used.contains(Field.NAME) || !used.contains(Field.PHONE) || !(used.contains(Field.ADDRESS) || used.contains(Field.FULL_ADDRESS))) {
            throw new CampaignException("campaign.error.layoutReceiver", "a layout needs the receiver's name, phone and address "
                    + "(address or full_address)");
        }
        columns = List.copyOf(clean);
    }

    /** Reads {@code 收件人=name,手机=phone,备注=text:感谢支持} (commas or ，between columns). */
    public static CustomLayout parse(String name, String spec) {
        List<Column> cols = new ArrayList<>();
        for (String part : (spec == null ? "" : spec).split("[,，]")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new CampaignException("campaign.error.layoutSyntax", "a column is written header=field, not " + part.strip(),
                        part.strip());
            }
            String header = part.substring(0, eq);
            String field = part.substring(eq + 1).strip();
            String text = null;
            int colon = field.indexOf(':');
            if (colon >= 0) {
                text = field.substring(colon + 1);
                field = field.substring(0, colon);
            }
            cols.add(new Column(header, field, text));
        }
        return new CustomLayout(name, cols);
    }

    /** The layout written back in the form {@link #parse} reads. */
    public String spec() {
        List<String> parts = new ArrayList<>();
        for (Column c : columns) {
            parts.add(c.header() + "=" + c.field() + (c.text() == null ? "" : ":" + c.text()));
        }
        return String.join(",", parts);
    }

    @Override
    public List<String> header(Messages m) {
        return columns.stream().map(Column::header).toList();
    }

    @Override
    public List<Object> row(Campaign c, CampaignEntry e, String phone) {
        Address a = e.address();
        List<Object> out = new ArrayList<>();
        for (Column col : columns) {
            out.add(switch (Field.of(col.field())) {
                case NAME -> a.receiver();
                case PHONE -> phone;
                case PROVINCE -> a.province();
                case CITY -> a.city();
                case DISTRICT -> a.district();
                case ADDRESS -> a.detail();
                case FULL_ADDRESS -> a.full();
                case GIFT -> c.gift();
                case QUANTITY -> e.units();
                case REFERENCE -> ShippingLayout.reference(c.id(), e.id());
                case TEXT -> col.text();
                case EMPTY -> null;
            });
        }
        return out;
    }
}
