package com.fankeep.cli;

import com.fankeep.core.group.CityFans;
import com.fankeep.core.group.FanGroup;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "cities", mixinStandardHelpOptions = true,
        description = {"Cities (and districts where orders name them) ranked by iron fans and VIPs living there, then customers.",
                "--circle CITY makes an offline circle group of the city's contactable iron fans and VIPs."})
final class CitiesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
        JsonOption json;

    @Option(names = "--limit", description = "at most this many cities (default ${DEFAULT-VALUE})")
    int limit = 50;

    @Option(names = "--circle", paramLabel = "CITY", description = "make an offline circle group for this city")
    String circle;

    @Option(names = "--name", description = "the circle's name (default: CITY 粉丝圈)")
    String name;

    private final CliContext context;

    CitiesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var services = context.services(RootOptions.dataDir(spec));
        if (circle != null) {
            try {
                FanGroup g = services.cityCircles().makeCircle(circle, name != null ? name : circle + " 粉丝圈");
                context.out().println(context.messages().get("cli.cities.circle", g.name(), g.members()));
                return 0;
            } catch (com.fankeep.core.group.GroupException e) {
                context.err().println(context.messages().get(e.key(), e.args()));
                return Cli.FAILURE;
            }
        }
        List<CityFans> list = services.cityCircles().cities().stream().limit(Math.max(0, limit)).toList();
        if (json.on) {
            context.out().println(Json.write(list));
            return 0;
        }
        for (CityFans c : list) {
            context.out().println(c.city() + "\t" + context.messages().get("cli.cities.row", c.ironFans(), c.vips(), c.customers()));
            for (CityFans d : c.districts()) {
                context.out().println("  " + d.district() + "\t" + context.messages().get("cli.cities.row", d.ironFans(), d.vips(), d.customers()));
            }
        }
        return 0;
    }
}
