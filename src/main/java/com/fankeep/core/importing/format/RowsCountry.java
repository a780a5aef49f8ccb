package com.fankeep.core.importing.format;

import com.fankeep.core.importing.read.SheetRow;
import com.fankeep.core.importing.read.TableReader;
import com.fankeep.core.importing.read.TableReaders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The currency a Shopify, WooCommerce, Etsy or eBay file without a currency column is most likely in: that of the
 * billing/shipping country when every row names the same one (GB → GBP, DE → EUR), else none (issue #11). Read before
 * the import so the preview proposes it and reads the amounts in it; the file's own currency column always wins.
 */
public final class RowsCountry {

    private static final Set<String> COUNTRY = Set.of("billing country", "shipping country", "billing_country",
            "shipping_country", "ship country", "ship to country", "post to country", "buyer country");
    private static final Set<String> CURRENCY = Set.of("currency", "order_currency", "order currency");

    private RowsCountry() {
    }

    /** The one ISO country all rows of these files name (files with a currency column aside), or null. */
    public static String of(List<Path> files) {
        String agreed = null;
        for (Path file : files) {
            try (TableReader reader = TableReaders.open(file, null)) {
                List<Integer> columns = null;
                SheetRow row;
                int before = 0;
                while ((row = reader.next()) != null) {
                    if (columns == null) {
                        columns = countryColumns(row);
                        if (columns == null) {
                            break;   // a currency column: its rows say their currency themselves
                        }
                        if (columns.isEmpty() && ++before > FormatRegistry.MAX_ROWS_BEFORE_HEADER) {
                            break;
                        }
                        columns = columns.isEmpty() ? null : columns;
                        continue;
                    }
                    for (int i : columns) {
                        String iso = CountryCodes.iso(row.cell(i));
                        if (iso == null) {
                            continue;
                        }
                        if (agreed != null && !agreed.equals(iso)) {
                            return null;
                        }
                        agreed = iso;
                    }
                }
            } catch (Exception e) {
                return null;   // an unreadable file is refused by the import itself
            }
        }
        return agreed;
    }

    /** That country's currency code (GB → GBP), or null. */
    public static String currencyOf(String iso) {
        try {
            Currency c = iso == null ? null : Currency.getInstance(Locale.of("", iso));
            return c == null ? null : c.getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The country columns of a header row; null when it has a currency column; empty when it is no header. */
    private static List<Integer> countryColumns(SheetRow row) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String h = row.cell(i) == null ? "" : row.cell(i).strip().toLowerCase(Locale.ROOT);
            if (CURRENCY.contains(h)) {
                return null;
            }
            if (COUNTRY.contains(h)) {
                out.add(i);
            }
        }
        return out;
    }
}
