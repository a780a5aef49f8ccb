package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fankeep.testing.InProcessCli;
import com.fankeep.testing.InProcessCli.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `orders unassigned|assign|undo-assign` on the sample shop, in this JVM. */
class OrdersCliTest {

    @TempDir
    Path temp;

    private Run run(String... args) {
        return InProcessCli.over(temp.resolve("shop")).run(args);
    }

    @Test
    void reviewAttachAndUndo() throws Exception {
        assertThat(run("sample", "load").code()).isZero();
        JsonNode groups = new ObjectMapper().readTree(run("orders", "unassigned", "--json").out());
        JsonNode zhang = null;
        for (JsonNode g : groups) {
            if ("138****8000".equals(g.path("phone").asText())) {
                zhang = g;
            }
        }
        assertThat(zhang).as(groups.toString()).isNotNull();
        long customer = zhang.get("suggestions").get(0).get("customerId").asLong();
        String order = zhang.get("orders").get(0).get("orderNo").asText();
        assertThat(run("orders", "unassigned").out()).contains("maybe #" + customer + " 张伟").contains("last digits 8000");

        Run refused = run("orders", "assign", order, "--to", "999999");
        assertThat(refused.code()).isEqualTo(Cli.FAILURE);
        assertThat(refused.err().strip()).isEqualTo("There is no customer #999999.");

        Run assigned = run("orders", "assign", order, "--to", Long.toString(customer));
        assertThat(assigned.code()).as(assigned.err()).isZero();
        assertThat(assigned.out()).startsWith("2 orders attached to customer #" + customer);
        assertThat(run("orders", "unassigned").out()).doesNotContain("138****8000");

        assertThat(run("orders", "undo-assign").out()).contains("2 orders of customer #" + customer);
        assertThat(run("orders", "unassigned").out()).contains("138****8000");
        assertThat(run("orders", "undo-assign").out().strip()).isEqualTo("No assignment to undo.");
    }
}
