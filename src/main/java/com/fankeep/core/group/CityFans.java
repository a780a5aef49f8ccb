package com.fankeep.core.group;

import java.util.List;

/**
 * Where fans live: a city (or one of its districts) with its iron fans, VIPs and all live customers.
 *
 * @param districts the city's districts where orders name them (empty for a district itself)
 */
public record CityFans(String province, String city, String district, int ironFans, int vips, int customers,
                       List<CityFans> districts) {

    public CityFans {
        districts = List.copyOf(districts);
    }

    /** Iron fans and VIPs: who a meet-up circle starts from. */
    public int fans() {
        return ironFans + vips;
    }
}
