package com.fankeep.core.importing.model;

/** A delivery address split as far as the export allows. */
public record Address(String name, String phone, String country, String province, String city, String district,
                      String street, String zip) {

    public static final Address NONE = new Address(null, null, null, null, null, null, null, null);

    /** One line, as it would be written on a parcel. */
    public String oneLine() {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {province, city, district, street}) {
            if (part != null && !part.isBlank()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(part);
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }
}
