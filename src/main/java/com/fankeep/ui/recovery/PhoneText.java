package com.fankeep.ui.recovery;

/** A stored phone number as the owner reads it: a Chinese mobile as 138 0013 8000, any other number as stored (E.164). */
final class PhoneText {

    private PhoneText() {
    }

    static String of(String e164) {
        if (e164 != null && e164.matches("\\+861\\d{10}")) {
            String n = e164.substring(3);
            return n.substring(0, 3) + " " + n.substring(3, 7) + " " + n.substring(7);
        }
        return e164;
    }
}
