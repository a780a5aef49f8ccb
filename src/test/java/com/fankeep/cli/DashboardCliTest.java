package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.testing.SampleShop;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fankeep.testing.InProcessCli;
import com.fankeep.testing.InProcessCli.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `report active-days` and `report dashboard` on the sample shop, in process. */
class DashboardCliTest {

    @TempDir
    Path temp;

    private String dir;

    @BeforeEach
    void sampleShop() throws Exception {
        Path d = temp.resolve("shop");
        try (Database db = Database.open(d)) {
            SampleShop.load(CoreServices.over(db).imports(), temp.resolve("samples"));
        }
        dir = d.toString();
    }

    private Run run(String... args) {
        return InProcessCli.over(Path.of(dir)).run(args);
    }

    private JsonNode dashboard() throws Exception {
        Run r = run("report", "dashboard", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void theActiveFigureFollowsTheActiveDaysSetting() throws Exception {
        assertThat(run("report", "active-days").out()).contains("within the last 90 days");
        JsonNode byDefault = dashboard();
        assertThat(byDefault.get("activeDays").asInt()).isEqualTo(90);

        Run set = run("report", "active-days", "3650", "--json");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(new ObjectMapper().readTree(set.out()).get("activeDays").asInt()).isEqualTo(3650);
        JsonNode wide = dashboard();
        assertThat(wide.get("activeDays").asInt()).isEqualTo(3650);
        // every sample order is within ten years: everyone who bought is active, nobody lapsed
        assertThat(wide.get("lapsed").asLong()).isZero();
        assertThat(wide.get("active").asLong()).isPositive()
                .isEqualTo(byDefault.get("active").asLong() + byDefault.get("lapsed").asLong());

        Run refused = run("report", "active-days", "0");
        assertThat(refused.code()).isEqualTo(Cli.FAILURE);
        assertThat(refused.err()).contains("must be 1 to 3650 days, not 0");
        assertThat(run("report", "active-days").out()).contains("within the last 3650 days");
    }
}
