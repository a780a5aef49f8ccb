package com.fankeep.core.segment;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The facts rules test, for the live customers, in columns (one slot per customer, ids ascending) so a count is a
 * pass over a few arrays instead of a query. Built by {@link SegmentFactsRepository} at one {@link #version} of the
 * database; {@code SegmentService} throws it away when the version moved. Texts on the customer row are small
 * dictionaries (code per customer); texts in other tables (item titles, SKUs, tags, groups) are distinct values with
 * the customers that have them, so {@code item contains X} reads each distinct title once.
 */
record SegmentFacts(
        long version,
        long[] ids,
        Codes city,
        Codes province,
        Codes tier,
        Codes recovery,
        int[] orders,
        /** sort_spend in fen (decimal(14, 2) × 100). */
        long[] spendFen,
        /** Epoch nanoseconds; {@link #NONE} when null. */
        long[] firstOrder,
        long[] lastOrder,
        /** Bits of {@code platformNames}: bought on the platform, or a nickname there. */
        Flags platforms,
        /** Bits of contact channel kinds. */
        Flags kinds,
        /** Bits of funnel states of non-nickname channels. */
        Flags funnel,
        long[] referredBy,
        int[] referred,
        /** 0 when unknown. */
        byte[] birthdayMonth,
        BitSet doNotContact,
        Postings items,
        Postings skus,
        Postings tags,
        Postings groups,
        /** Keys {@link #participation}(campaign name, entry state or "any"). */
        Postings campaigns,
        /** Keys {@link #participation}(launch name, voted / reserved / allocated / any). */
        Postings launches,
        /** Epoch nanoseconds of the first and last gift shipped to them; {@link #NONE} when none. */
        long[] firstGift,
        long[] lastGift) {

    static final long NONE = Long.MIN_VALUE;

    /** The posting key of taking part in a named campaign or launch in one way. */
    static String participation(String name, String how) {
        return name + '\u0001' + how;
    }

    int size() {
        return ids.length;
    }

    /** The slot of a customer id, or -1 when not a live customer. */
    int slot(long id) {
        int i = Arrays.binarySearch(ids, id);
        return i < 0 ? -1 : i;
    }

    /** Bytes held by the arrays (strings counted at 2 bytes a char plus 40 overhead): what the facts cost on the heap. */
    long bytes() {
        long n = ids.length;
        long perCustomer = 8 + 4 * 4 + 4 + 8 + 16 + 4 * 3 + 8 + 4 + 1 + 16;
        return n * perCustomer + doNotContact.size() / 8 + city.bytes() + province.bytes() + tier.bytes() + recovery.bytes()
                + items.bytes() + skus.bytes() + tags.bytes() + groups.bytes() + campaigns.bytes() + launches.bytes();
    }

    /** A text per customer as a code into {@code values}. */
    record Codes(List<String> values, int[] code) {
        long bytes() {
            return strings(values);
        }
    }

    /** A set of up to 32 values per customer, as bits into {@code values}. */
    record Flags(List<String> values, int[] bits) {
        int bit(String value) {
            int i = values.indexOf(value);
            return i < 0 ? 0 : 1 << i;
        }
    }

    /** Distinct texts, each with the slots of the customers that have it (ascending, no repeats). */
    record Postings(List<String> values, int[][] slots) {
        long bytes() {
            long b = strings(values);
            for (int[] s : slots) {
                b += 16 + 4L * s.length;
            }
            return b;
        }
    }

    static long strings(List<String> values) {
        long b = 0;
        for (String s : values) {
            b += 40 + 2L * s.length();
        }
        return b;
    }
}
