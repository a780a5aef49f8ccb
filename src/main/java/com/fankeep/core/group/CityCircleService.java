package com.fankeep.core.group;

import com.fankeep.core.db.Database;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * City circles for offline meet-ups: cities (and their districts where orders name them) ranked by the iron fans and
 * VIPs living there, then by customers; and one step from a city to an offline circle group of its fans.
 */
public final class CityCircleService {

    private static final Comparator<CityFans> RANK = Comparator.comparingInt(CityFans::ironFans).reversed()
            .thenComparing(Comparator.comparingInt(CityFans::vips).reversed())
            .thenComparing(Comparator.comparingInt(CityFans::customers).reversed())
            .thenComparing(f -> f.district() != null ? f.district() : f.city());

    private final Database database;
    private final GroupService groups;

    public CityCircleService(Database database, GroupService groups) {
        this.database = database;
        this.groups = groups;
    }

    /** Every city with live customers, best place for a meet-up first. */
    public List<CityFans> cities() {
        Map<String, Tally> cities = new HashMap<>();
        database.transaction(dsl -> dsl.connection(c -> new CityRepository(c).places(null, p -> {
            Tally t = cities.computeIfAbsent(p.city(), k -> new Tally(p.province()));
            t.count(p.tier());
            if (p.district() != null) {
                t.districts.computeIfAbsent(p.district(), k -> new Tally(p.province())).count(p.tier());
            }
        })));
        List<CityFans> out = new ArrayList<>();
        cities.forEach((city, t) -> {
            List<CityFans> districts = new ArrayList<>();
            t.districts.forEach((d, dt) -> districts.add(new CityFans(t.province, city, d, dt.iron, dt.vip, dt.all, List.of())));
            districts.sort(RANK);
            out.add(new CityFans(t.province, city, null, t.iron, t.vip, t.all, districts));
        });
        out.sort(RANK);
        return out;
    }

    /** A city's iron fans and VIPs who may be contacted (a circle's first members). */
    public List<Long> fansIn(String city) {
        List<Long> ids = new ArrayList<>();
        database.transaction(dsl -> dsl.connection(c -> new CityRepository(c).places(city, p -> {
            if (!p.doNotContact() && CityRepository.fanTiers().contains(p.tier())) {
                ids.add(p.customerId());
            }
        })));
        return ids;
    }

    /**
     * Makes an offline circle named {@code name} for {@code city} holding its contactable iron fans and VIPs; the group
     * is not left behind when adding fails.
     */
    public FanGroup makeCircle(String city, String name) {
        List<Long> fans = fansIn(city);
        FanGroup g = groups.create(new NewGroup(name, GroupKind.OFFLINE, null, null, city));
        try {
            groups.add(g.id(), fans, false);
        } catch (RuntimeException e) {
            groups.delete(g.id());
            throw e;
        }
        return groups.find(g.id());
    }

    private static final class Tally {
        final String province;
        final Map<String, Tally> districts = new HashMap<>();
        int iron;
        int vip;
        int all;

        Tally(String province) {
            this.province = province;
        }

        void count(String tier) {
            all++;
            if ("iron_fan".equals(tier)) {
                iron++;
            } else if ("vip".equals(tier)) {
                vip++;
            }
        }
    }
}
