package com.fankeep.core.launch;

import java.util.List;

/** The first batch's allocated fans and their orders, and the orders in its window that match no allocated fan. */
public record Conversion(List<FanConversion> fans, List<WindowOrder> unmatched) {
}
