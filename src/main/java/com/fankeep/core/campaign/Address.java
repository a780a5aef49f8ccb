package com.fankeep.core.campaign;

/** Where a parcel goes: receiver, phone, province / city / district / detail. */
public record Address(String receiver, String phone, String province, String city, String district, String detail) {

    public static final Address EMPTY = new Address(null, null, null, null, null, null);

    public boolean complete() {
        return notBlank(receiver) && notBlank(phone) && notBlank(detail);
    }

    /** Province, city, district and detail as one line (a courier's "detailed address" column). */
    public String full() {
        StringBuilder b = new StringBuilder();
        for (String part : new String[] {province, city, district, detail}) {
            if (notBlank(part) && !(b.toString().endsWith(part.strip()))) {
                b.append(part.strip());
            }
        }
        return b.toString();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
