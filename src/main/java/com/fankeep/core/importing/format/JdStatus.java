package com.fankeep.core.importing.format;

import com.fankeep.core.importing.model.OrderStatus;

/** JD POP 订单状态 values → FanKeep's status. */
final class JdStatus {

    private JdStatus() {
    }

    static OrderStatus of(String status) {
        if (status == null) {
            return OrderStatus.UNKNOWN;
        }
        String s = Header.normalize(status); // full-width （删除） → (删除)
        if (s.startsWith("(删除)")) {
            // An order deleted in the JD back-end ("(删除)等待出库", "(删除)等待确认收货"…): other importers treat it as
            // cancelled or refunded; either way it is not revenue.
            return OrderStatus.CLOSED;
        }
        return switch (s) {
            case "等待付款", "未付款", "等待付款确认" -> OrderStatus.UNPAID;
            case "等待出库" -> OrderStatus.PAID;
            case "等待确认收货" -> OrderStatus.SHIPPED;
            case "完成", "已完成" -> OrderStatus.COMPLETED;
            case "已取消" -> OrderStatus.CANCELLED;
            default -> OrderStatus.UNKNOWN;
        };
    }
}
