package com.fankeep.core.importing.mapping;

import com.fankeep.core.db.Database;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remembered column mappings: the owner maps the columns of a file FanKeep does not know once, names the mapping,
 * and it is offered again (and used by the import on its own) when a file with the same header shows up.
 */
public final class MappingService {

    private final Database database;

    public MappingService(Database database) {
        this.database = database;
    }

    /**
     * Saves a mapping under a name, replacing an earlier one of the same name.
     *
     * @param headerNames the file's header, as read
     * @param mapping     column name → field code ({@code name}, {@code phone}, {@code nickname:taobao}, {@code ignore}…)
     * @throws IllegalArgumentException when the name, a column or a field is not valid
     */
    public MappingProfile save(String name, List<String> headerNames, Map<String, String> mapping) {
        MappingProfile profile = MappingProfile.of(name, headerNames, mapping);
        long id = database.transactionResult(dsl -> new MappingRepository(dsl).save(profile));
        return profile.withId(id);
    }

    /** Every saved mapping, by name. */
    public List<MappingProfile> list() {
        return database.transactionResult(dsl -> new MappingRepository(dsl).all());
    }

    public Optional<MappingProfile> find(String name) {
        return name == null ? Optional.empty() : database.transactionResult(dsl -> new MappingRepository(dsl).byName(name.strip()));
    }

    public Optional<MappingProfile> findBySignature(String headerSignature) {
        return database.transactionResult(dsl -> new MappingRepository(dsl).bySignature(headerSignature));
    }

    /** The mapping saved for this header, if any. */
    public Optional<MappingProfile> findFor(List<String> headerNames) {
        return findBySignature(MappingProfile.signature(headerNames));
    }
}
