package com.fankeep.core.importing.format;

import com.fankeep.core.importing.read.SheetRow;
import java.util.List;
import java.util.Optional;

/** All known export formats; finds the header row and the format of a file from its first rows. */
public final class FormatRegistry {

    /** Title rows, blank lines and eBay's "sep=," may come before the header, but not more than this. */
    public static final int MAX_ROWS_BEFORE_HEADER = 30;

    private final List<ExportFormat> formats;

    public FormatRegistry(List<ExportFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    public static FormatRegistry standard() {
        return new FormatRegistry(List.of(new TaobaoOrdersFormat(), new TaobaoDetailsFormat(), new TaobaoQianniuFormat(),
                new JdOrdersFormat(),
                new PinduoduoOrdersFormat(), new YouzanOrdersFormat(), new YouzanCustomersFormat(), new DouyinOrdersFormat(),
                new ShopifyOrdersFormat(), new ShopifyCustomersFormat(), new WooCommerceOrdersFormat(),
                new EtsyOrdersFormat(), new EtsyItemsFormat(), new EbayOrdersFormat(),
                new VCardFormat(), new GoogleContactsFormat(), new OutlookContactsFormat(), new CustomerSheetFormat()));
    }

    public List<ExportFormat> formats() {
        return formats;
    }

    public Optional<ExportFormat> byId(String id) {
        return formats.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** A format found at a header row. */
    public record Match(ExportFormat format, Header header, int score) {
    }

    /**
     * @param firstRows the file's first rows (up to {@link #MAX_ROWS_BEFORE_HEADER})
     * @param forced    a format the owner chose, or null to detect
     */
    public Optional<Match> detect(List<SheetRow> firstRows, ExportFormat forced) {
        Match best = null;
        for (SheetRow row : firstRows) {
            if (row.isBlank()) {
                continue;
            }
            Header header = new Header(row.number(), row.cells());
            for (ExportFormat f : forced != null ? List.of(forced) : formats) {
                int score = f.score(header);
                if (score > 0 && (best == null || score > best.score())) {
                    best = new Match(f, header, score);
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
