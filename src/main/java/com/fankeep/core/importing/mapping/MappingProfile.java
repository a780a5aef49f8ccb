package com.fankeep.core.importing.mapping;

import com.fankeep.core.importing.format.ContactField;
import com.fankeep.core.importing.format.Header;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A column mapping the owner made for a file no built-in format knows, remembered under a name and offered again
 * when the same header shows up.
 *
 * @param id              the stored profile's id, null before it is saved
 * @param headerSignature {@link #signature} of {@code headerNames}
 * @param headerNames     the header the mapping was made for, as the file has it
 * @param mapping         column name (as {@link Header} normalizes it) → field code of {@link ContactField}
 *                        ({@code name}, {@code phone}, …, {@code nickname:taobao}, {@code ignore}), in column order
 */
public record MappingProfile(Long id, String name, String headerSignature, List<String> headerNames,
                             Map<String, String> mapping) {

    public MappingProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a mapping needs a name");
        }
        name = name.strip();
        if (name.length() > 200) {
            throw new IllegalArgumentException("a mapping name has at most 200 characters");
        }
        headerNames = List.copyOf(headerNames);
        if (mapping == null || mapping.isEmpty()) {
            throw new IllegalArgumentException("mapping '" + name + "' maps no column");
        }
        List<String> known = new Header(0, headerNames).names();
        Map<String, String> normalized = new LinkedHashMap<>();
        boolean identifies = false;
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            String column = Header.normalize(e.getKey());
            if (!headerNames.isEmpty() && !known.contains(column)) {
                throw new IllegalArgumentException("mapping '" + name + "' names a column the header does not have: " + e.getKey());
            }
            ContactField field = ContactField.parse(e.getValue());
            identifies |= field.identifies();
            normalized.put(column, field.code());
        }
        if (!identifies) {
            throw new IllegalArgumentException("mapping '" + name + "' needs a name, phone, WeChat, QQ, e-mail or nickname column");
        }
        mapping = Collections.unmodifiableMap(normalized);
    }

    /** A profile not saved yet, its signature computed from the header. */
    public static MappingProfile of(String name, List<String> headerNames, Map<String, String> mapping) {
        return new MappingProfile(null, name, signature(headerNames), headerNames, mapping);
    }

    /**
     * SHA-256 (hex) of the header names, each normalized as {@link Header} does (trimmed, NFKC, a repeated name
     * numbered) and lower-cased, empty names left out, joined with U+001F: the same header in another file, with other
     * widths, spaces or trailing empty columns, has the same signature.
     */
    public static String signature(List<String> headerNames) {
        List<String> names = new ArrayList<>();
        for (String n : new Header(0, headerNames).names()) {
            if (!n.isEmpty()) {
                names.add(n.toLowerCase(Locale.ROOT));
            }
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(String.join("\u001f", names).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mapping as fields. */
    public Map<String, ContactField> fields() {
        Map<String, ContactField> out = new LinkedHashMap<>();
        mapping.forEach((column, code) -> out.put(column, ContactField.parse(code)));
        return out;
    }

    MappingProfile withId(long newId) {
        return new MappingProfile(newId, name, headerSignature, headerNames, mapping);
    }
}
