package com.fankeep.core.importing.mapping;

import static com.fankeep.core.db.jooq.Tables.MAPPING_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.db.Database;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingServiceTest {

    static final List<String> HEADER = List.of("顾客称呼", "联系号码", "微信名片", "旺旺ID", "收件地址", "留言", "");

    @TempDir
    Path temp;
    Database db;
    MappingService mappings;

    @BeforeEach
    void open() {
        db = Database.open(temp.resolve("data"));
        mappings = new MappingService(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Map<String, String> mapping() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("顾客称呼", "name");
        m.put("联系号码", "phone");
        m.put("微信名片", "wechat");
        m.put("旺旺ID", "nickname:taobao");
        m.put("收件地址", "address");
        m.put("留言", "ignore");
        return m;
    }

    @Test
    void savedProfilesAreFoundByNameAndBySignature() {
        MappingProfile saved = mappings.save("老店客户表", HEADER, mapping());

        assertThat(saved.id()).isNotNull();
        assertThat(mappings.list()).extracting(MappingProfile::name).containsExactly("老店客户表");
        MappingProfile found = mappings.find("老店客户表").orElseThrow();
        assertThat(found.mapping()).containsExactlyEntriesOf(saved.mapping());
        assertThat(found.mapping().get("旺旺ID")).isEqualTo("nickname:taobao");
        assertThat(found.headerNames()).isEqualTo(HEADER);
        assertThat(found.headerSignature()).hasSize(64).isEqualTo(MappingProfile.signature(HEADER));
        assertThat(mappings.findBySignature(found.headerSignature())).contains(found);
        assertThat(mappings.findFor(HEADER)).contains(found);
        String json = db.dsl().select(MAPPING_PROFILE.MAPPING_JSON).from(MAPPING_PROFILE).fetchOne(0, String.class);
        assertThat(json).startsWith("{\"顾客称呼\":\"name\",\"联系号码\":\"phone\"");
    }

    @Test
    void theSignatureIgnoresSpacesCaseWidthAndTrailingEmptyColumns() {
        String sig = MappingProfile.signature(List.of("Name", "Phone（主）", "备注"));
        assertThat(MappingProfile.signature(List.of(" name ", "PHONE(主)", "备注", "", ""))).isEqualTo(sig);
        assertThat(MappingProfile.signature(List.of("Name", "备注", "Phone（主）"))).isNotEqualTo(sig);
        assertThat(MappingProfile.signature(List.of("Name", "Phone（主）"))).isNotEqualTo(sig);
    }

    @Test
    void savingUnderTheSameNameReplacesTheProfile() {
        mappings.save("客户表", HEADER, mapping());
        Map<String, String> changed = mapping();
        changed.put("留言", "note");
        mappings.save("客户表", HEADER, changed);
        assertThat(mappings.list()).singleElement().satisfies(p -> assertThat(p.mapping().get("留言")).isEqualTo("note"));
    }

    @Test
    void anUnknownHeaderFindsNothing() {
        mappings.save("客户表", HEADER, mapping());
        assertThat(mappings.findFor(List.of("顾客称呼", "联系号码"))).isEmpty();
        assertThat(mappings.find("别的表")).isEmpty();
    }

    @Test
    void invalidMappingsAreRefusedWithAReason() {
        assertThatThrownBy(() -> mappings.save("x", HEADER, Map.of("顾客称呼", "name", "联系号码", "fax")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown field 'fax'");
        assertThatThrownBy(() -> mappings.save("x", HEADER, Map.of("不存在的列", "name")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不存在的列");
        assertThatThrownBy(() -> mappings.save("x", HEADER, Map.of("收件地址", "address", "留言", "note")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a name, phone");
        assertThatThrownBy(() -> mappings.save(" ", HEADER, mapping())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mappings.save("x", HEADER, Map.of("旺旺ID", "nickname:Tao Bao")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("platform");
        assertThat(mappings.list()).isEmpty();
    }
}
