package com.fankeep.core.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Saved shipping layouts in shipping_layout, the columns as JSON (as mapping_profile keeps import mappings). */
final class LayoutRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_JSON = 20_000;

    private final Connection c;

    LayoutRepository(Connection c) {
        this.c = c;
    }

    /** Saves the layout, replacing one of the same name. */
    void save(CustomLayout layout, OffsetDateTime now) throws SQLException {
        String json = json(layout.columns());
        if (json.length() > MAX_JSON) {
            throw new CampaignException("campaign.error.layoutColumns", "the layout is too long", CustomLayout.MAX_COLUMNS);
        }
        try (PreparedStatement ps = c.prepareStatement("update shipping_layout set columns_json = ?, updated_at = ? where name = ?")) {
            ps.setString(1, json);
            ps.setObject(2, now);
            ps.setString(3, layout.name());
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into shipping_layout (name, columns_json, created_at, updated_at) "
                + "values (?, ?, ?, ?)")) {
            ps.setString(1, layout.name());
            ps.setString(2, json);
            ps.setObject(3, now);
            ps.setObject(4, now);
            ps.executeUpdate();
        }
    }

    List<CustomLayout> list() throws SQLException {
        List<CustomLayout> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select name, columns_json from shipping_layout order by name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new CustomLayout(rs.getString(1), columns(rs.getString(2))));
            }
        }
        return out;
    }

    boolean delete(String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from shipping_layout where name = ?")) {
            ps.setString(1, name);
            return ps.executeUpdate() == 1;
        }
    }

    private static String json(List<CustomLayout.Column> columns) {
        try {
            return JSON.writeValueAsString(columns);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<CustomLayout.Column> columns(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<CustomLayout.Column>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a saved shipping layout cannot be read", e);
        }
    }
}
