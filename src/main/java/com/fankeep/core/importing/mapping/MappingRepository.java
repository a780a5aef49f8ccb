package com.fankeep.core.importing.mapping;

import static com.fankeep.core.db.jooq.Tables.MAPPING_PROFILE;

import com.fankeep.core.db.jooq.tables.records.MappingProfileRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/** Stores mapping profiles in mapping_profile; the mapping and the header are JSON. */
final class MappingRepository {

    static final int MAX_MAPPING_JSON = 20_000;
    static final int MAX_HEADER_TEXT = 8_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DSLContext dsl;

    MappingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts, or replaces the profile of the same name; returns the id. */
    long save(MappingProfile p) {
        String mapping = json(p.mapping());
        if (mapping.length() > MAX_MAPPING_JSON) {
            throw new IllegalArgumentException("mapping '" + p.name() + "' is too large to store");
        }
        String header = json(p.headerNames());
        if (header.length() > MAX_HEADER_TEXT) {
            header = null; // only shown to the owner; the signature is what matches
        }
        MappingProfileRecord existing = dsl.selectFrom(MAPPING_PROFILE).where(MAPPING_PROFILE.NAME.eq(p.name())).fetchOne();
        if (existing != null) {
            dsl.update(MAPPING_PROFILE).set(MAPPING_PROFILE.HEADER_SIGNATURE, p.headerSignature())
                    .set(MAPPING_PROFILE.HEADER_TEXT, header).set(MAPPING_PROFILE.MAPPING_JSON, mapping)
                    .where(MAPPING_PROFILE.ID.eq(existing.getId())).execute();
            return existing.getId();
        }
        return dsl.insertInto(MAPPING_PROFILE, MAPPING_PROFILE.NAME, MAPPING_PROFILE.HEADER_SIGNATURE, MAPPING_PROFILE.HEADER_TEXT,
                        MAPPING_PROFILE.MAPPING_JSON)
                .values(p.name(), p.headerSignature(), header, mapping)
                .returning(MAPPING_PROFILE.ID).fetchOne().getId();
    }

    List<MappingProfile> all() {
        return dsl.selectFrom(MAPPING_PROFILE).orderBy(MAPPING_PROFILE.NAME).fetch(MappingRepository::profile);
    }

    Optional<MappingProfile> byName(String name) {
        return dsl.selectFrom(MAPPING_PROFILE).where(MAPPING_PROFILE.NAME.eq(name)).fetchOptional(MappingRepository::profile);
    }

    /** The profile for a header signature; when several share it, the one used (else saved) last. */
    Optional<MappingProfile> bySignature(String signature) {
        return dsl.selectFrom(MAPPING_PROFILE).where(MAPPING_PROFILE.HEADER_SIGNATURE.eq(signature))
                .orderBy(MAPPING_PROFILE.LAST_USED_AT.desc().nullsLast(), MAPPING_PROFILE.ID.desc())
                .limit(1).fetchOptional(MappingRepository::profile);
    }

    private static MappingProfile profile(MappingProfileRecord r) {
        try {
            Map<String, String> mapping = JSON.readValue(r.getMappingJson(), new TypeReference<LinkedHashMap<String, String>>() { });
            List<String> header = r.getHeaderText() == null ? List.of()
                    : JSON.readValue(r.getHeaderText(), new TypeReference<List<String>>() { });
            return new MappingProfile(r.getId(), r.getName(), r.getHeaderSignature(), header, mapping);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("mapping profile " + r.getId() + " is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
