package com.fankeep.core.importing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fankeep.testing.PropertyRunner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every order added is found (never a missed look-up); few that were not added are (only the look-up is wasted). */
class RunOrderKeysTest {

    @Test
    void everyAddedOrderMayBeStoredAndFewOthers() {
        PropertyRunner.check("run order keys", 2, r -> r.nextLong(), seed -> {
            java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
            RunOrderKeys keys = new RunOrderKeys();
            List<String[]> added = new ArrayList<>();
            Set<String> addedText = new HashSet<>();
            for (int i = 0; i < 100_000; i++) {
                String[] o = {r.nextInt(4) == 0 ? "jd" : "taobao", Long.toString(r.nextLong(1_000_000_000_000L))};
                keys.add(o[0], o[1]);
                added.add(o);
                addedText.add(o[0] + "\u0000" + o[1]);
            }
            for (String[] o : added) {
                assertTrue(keys.mayContain(o[0], o[1]), o[0] + " " + o[1]);
            }
            int falseHits = 0;
            for (int i = 0; i < 100_000; i++) {
                String[] o = {r.nextBoolean() ? "jd" : "taobao", Long.toString(r.nextLong(1_000_000_000_000L))};
                if (!addedText.contains(o[0] + "\u0000" + o[1]) && keys.mayContain(o[0], o[1])) {
                    falseHits++;
                }
            }
            assertTrue(falseHits < 5, falseHits + " orders found that were not added");
            // the platform is part of the key
            int otherPlatform = 0;
            for (String[] o : added.subList(0, 10_000)) {
                otherPlatform += keys.mayContain("douyin", o[1]) ? 1 : 0;
            }
            assertTrue(otherPlatform < 5, otherPlatform + " orders found under another platform");
        });
    }
}
