package com.fankeep.core.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fankeep.core.shared.CellText;
import com.fankeep.testing.PropertyRunner;
import java.time.ZoneId;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The reading thread's fast paths for the usual cells (a plain date-time, a plain amount) give what the patterns give:
 * the same value, or the same refusal, on texts drawn near and inside the fast paths' shapes.
 */
class ReadingFastPathsTest {

    private static final DateParser DATES = new DateParser(ZoneId.of("Asia/Shanghai"), DateParser.DayOrder.YEAR_FIRST);

    @Test
    void aDateReadFastIsTheDateThePatternsRead() {
        PropertyRunner.check("plain date-time = YMD pattern", 4000, ReadingFastPathsTest::dateText, text -> {
            String cleaned = CellText.cleanOrNull(text);
            if (cleaned != null) {
                assertEquals(outcome(() -> DATES.byPatterns(cleaned, text)), outcome(() -> DATES.parse(text)), text);
            }
        });
    }

    @Test
    void anAmountReadFastIsTheAmountThePatternsRead() {
        PropertyRunner.check("plain amount = NUMBER pattern", 4000, ReadingFastPathsTest::amountText, text -> {
            String cleaned = CellText.cleanOrNull(text);
            if (cleaned != null) {
                assertEquals(outcome(() -> MoneyParser.byPatterns(cleaned, text)), outcome(() -> MoneyParser.parse(text)), text);
            }
        });
    }

    /** yyyy-MM-dd HH:mm:ss with now and then a character changed, dropped or added, out-of-range fields, full-width digits. */
    static String dateText(RandomGenerator r) {
        String s = String.format("%04d-%02d-%02d %02d:%02d:%02d", r.nextInt(1990, 2040), r.nextInt(0, 14), r.nextInt(0, 33),
                r.nextInt(0, 26), r.nextInt(0, 62), r.nextInt(0, 62));
        return mutate(r, s, "0123456789-/: T.+Z年月日０１");
    }

    static String amountText(RandomGenerator r) {
        String s = (r.nextInt(6) == 0 ? "-" : "") + r.nextInt(0, 100_000) + (r.nextBoolean() ? "." + r.nextInt(0, 1000) : "");
        return mutate(r, s, "0123456789.,-+ ()元¥$０e");
    }

    private static String mutate(RandomGenerator r, String s, String alphabet) {
        StringBuilder b = new StringBuilder(s);
        int changes = r.nextInt(3) == 0 ? 0 : r.nextInt(1, 3);
        for (int i = 0; i < changes; i++) {
            char c = alphabet.charAt(r.nextInt(alphabet.length()));
            int at = r.nextInt(b.length() + 1);
            switch (r.nextInt(3)) {
                case 0 -> b.insert(at, c);
                case 1 -> {
                    if (at < b.length()) {
                        b.setCharAt(at, c);
                    }
                }
                default -> {
                    if (at < b.length()) {
                        b.deleteCharAt(at);
                    }
                }
            }
        }
        return b.toString();
    }

    /** The value, or the refusal's code and message. */
    static String outcome(ParseCall call) {
        try {
            return String.valueOf(call.call());
        } catch (ParseException e) {
            return "refused " + e.getMessage();
        }
    }

    interface ParseCall {
        Object call() throws ParseException;
    }
}
