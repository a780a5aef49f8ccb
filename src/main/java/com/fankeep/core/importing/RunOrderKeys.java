package com.fankeep.core.importing;

/**
 * The orders a bulk load wrote so far, as 64-bit hashes of platform and order number (ADR 0062): when the copy held
 * no orders at the start, an order whose hash is not here cannot be stored, so the run does not look it up. A hash
 * met twice by chance only costs the look-up. 16 bytes per order at most (1M orders: 16 MB), primitive, no boxing.
 */
final class RunOrderKeys {

    private static final long EMPTY = 0;
    private long[] table = new long[1 << 16];
    private int size;

    boolean mayContain(String platform, String externalOrderId) {
        long h = hash(platform, externalOrderId);
        int mask = table.length - 1;
        for (int i = slot(h, mask); ; i = (i + 1) & mask) {
            if (table[i] == h) {
                return true;
            }
            if (table[i] == EMPTY) {
                return false;
            }
        }
    }

    void add(String platform, String externalOrderId) {
        if (2 * (size + 1) > table.length) {
            grow();
        }
        if (put(table, hash(platform, externalOrderId))) {
            size++;
        }
    }

    int size() {
        return size;
    }

    private static boolean put(long[] into, long h) {
        int mask = into.length - 1;
        for (int i = slot(h, mask); ; i = (i + 1) & mask) {
            if (into[i] == h) {
                return false;
            }
            if (into[i] == EMPTY) {
                into[i] = h;
                return true;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (long h : table) {
            if (h != EMPTY) {
                put(bigger, h);
            }
        }
        table = bigger;
    }

    private static int slot(long h, int mask) {
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** FNV-1a over both strings, mixed (murmur3's finalizer); never {@link #EMPTY}. */
    static long hash(String platform, String externalOrderId) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, platform);
        h *= 0x100000001b3L; // a separator: ("ab", "c") and ("a", "bc") hash apart
        h = mix(h, externalOrderId);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }
}
