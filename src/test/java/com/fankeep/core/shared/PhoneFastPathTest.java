package com.fankeep.core.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fankeep.testing.PropertyRunner;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** A plain mainland mobile is normalized as the patterns normalize it, in every region a row may name. */
class PhoneFastPathTest {

    private static final String[] REGIONS = {null, "", " ", "CN", "cn", "US", "HK", "GB"};

    @Test
    void aPhoneReadFastIsThePhoneThePatternsRead() {
        PropertyRunner.check("plain mobile = patterns", 4000, PhoneFastPathTest::phone, c -> {
            String raw = CellText.clean(c.text());
            if (raw != null && !raw.isEmpty()) {
                assertEquals(PhoneNormalizer.byPatterns(raw, c.region()), PhoneNormalizer.normalize(c.text(), c.region()), c.toString());
            }
        });
    }

    record Case(String text, String region) {
    }

    /** 11 digits 1[0-9]… (virtual prefixes now and then), with now and then a character changed, dropped or added. */
    static Case phone(RandomGenerator r) {
        String[] heads = {"170", "171", "162", "165", "167", "138", "139", "186", "120", "110", "199", "86"};
        StringBuilder b = new StringBuilder(heads[r.nextInt(heads.length)]);
        while (b.length() < 11) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        String alphabet = "0123456789 -+*x()转#１";
        int changes = r.nextInt(3) == 0 ? 0 : r.nextInt(1, 3);
        for (int i = 0; i < changes; i++) {
            char c = alphabet.charAt(r.nextInt(alphabet.length()));
            int at = r.nextInt(b.length());
            switch (r.nextInt(3)) {
                case 0 -> b.insert(at, c);
                case 1 -> b.setCharAt(at, c);
                default -> b.deleteCharAt(at);
            }
        }
        return new Case(b.toString(), REGIONS[r.nextInt(REGIONS.length)]);
    }
}
