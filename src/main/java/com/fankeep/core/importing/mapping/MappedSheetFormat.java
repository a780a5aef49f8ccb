package com.fankeep.core.importing.mapping;

import com.fankeep.core.importing.format.ContactField;
import com.fankeep.core.importing.format.ContactSheetReader;
import com.fankeep.core.importing.format.ExportFormat;
import com.fankeep.core.importing.format.FormatContext;
import com.fankeep.core.importing.format.FormatReader;
import com.fankeep.core.importing.format.Header;
import java.util.LinkedHashMap;
import java.util.Map;

/** Any CSV/XLSX read through a saved {@link MappingProfile}: one row per person, as {@link ContactSheetReader} reads it. */
public final class MappedSheetFormat implements ExportFormat {

    static final int EXACT_HEADER = 1000;

    private final MappingProfile profile;

    public MappedSheetFormat(MappingProfile profile) {
        this.profile = profile;
    }

    public MappingProfile profile() {
        return profile;
    }

    @Override
    public String id() {
        return "mapping";
    }

    /** The very header the profile was made for scores highest; else how many mapped columns are there. */
    @Override
    public int score(Header header) {
        if (MappingProfile.signature(header.names()).equals(profile.headerSignature())) {
            return EXACT_HEADER;
        }
        int present = 0;
        boolean identifies = false;
        for (Map.Entry<String, ContactField> e : profile.fields().entrySet()) {
            if (e.getValue().kind() != ContactField.Kind.IGNORE && header.find(e.getKey()) >= 0) {
                present++;
                identifies |= e.getValue().identifies();
            }
        }
        return identifies ? present : 0;
    }

    @Override
    public FormatReader reader(Header header, FormatContext context) {
        Map<Integer, ContactField> columns = new LinkedHashMap<>();
        for (Map.Entry<String, ContactField> e : profile.fields().entrySet()) {
            int col = header.find(e.getKey());
            if (col >= 0 && e.getValue().kind() != ContactField.Kind.IGNORE) {
                columns.put(col, e.getValue());
            }
        }
        return new ContactSheetReader(header, columns, context);
    }
}
